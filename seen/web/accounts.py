"""Accounts, for admins: create supervisors, board editors and admins, change their roles and areas,
disable, unlock, set a new password. Every change is audited. The first admin comes from `seen-accounts create`."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for

from seen.accounts import ROLE_NAMES, AccountError
from seen.web.access import admin_required
from seen.web.forms import AccountEditForm, AccountForm, ButtonForm, PasswordForm
from seen.web.stores import me, record, stores

bp = Blueprint("accounts", __name__)
bp.context_processor(lambda: {"role_names": ROLE_NAMES})  # "editor" is shown as "Board editor"


@bp.route("/accounts", methods=["GET", "POST"])
@admin_required
def index():
    form = AccountForm()
    form.areas.choices = list(stores().labels.areas.items())
    if form.validate_on_submit():
        try:
            account = stores().accounts.create(form.username.data, form.password.data, form.role.data,
                                               form.areas.data or [])
        except AccountError as error:
            form.username.errors.append(_sentence(error))
        else:
            record("created account", account.username,
                   f"role={account.role}; areas={','.join(sorted(account.areas)) or '-'}")
            flash(f"Account {account.username} created. Give them the first password in person or by phone.", "info")
            return redirect(url_for("accounts.index"))
    return render_template("accounts/index.html", form=form, accounts=stores().accounts.all(),
                           labels=stores().labels), 400 if form.errors else 200


@bp.route("/accounts/<username>", methods=["GET", "POST"])
@admin_required
def edit(username: str):
    account = stores().accounts.by_username(username) or abort(404)
    form = AccountEditForm(data=_current(account))  # a submitted form's own values win
    form.areas.choices = list(stores().labels.areas.items())
    if form.validate_on_submit():
        if account.username == me().username and (not form.active.data or form.role.data != "admin"):
            form.active.errors = (list(form.active.errors)
                                  + ["You can't disable your own account or remove your own admin role."])
        else:
            try:
                changed = stores().accounts.update(account.username, role=form.role.data, areas=form.areas.data or [],
                                                   active=form.active.data)
            except AccountError as error:
                form.areas.errors = list(form.areas.errors) + [_sentence(error)]
            else:
                record("changed account", changed.username,
                       f"role={changed.role}; areas={','.join(sorted(changed.areas)) or '-'}; active={changed.active}")
                flash(f"Account {changed.username} saved.", "info")
                return redirect(url_for("accounts.edit", username=changed.username))
    return _edit_page(account, PasswordForm(formdata=None), form=form)


@bp.route("/accounts/<username>/password", methods=["POST"])
@admin_required
def password(username: str):
    account = stores().accounts.by_username(username) or abort(404)
    form = PasswordForm()
    if form.validate_on_submit():
        stores().accounts.set_password(account.username, form.password.data)
        record("set password", account.username)
        flash(f"New password set for {account.username}; the account is unlocked and its sessions ended.", "info")
        return redirect(url_for("accounts.edit", username=account.username))
    return _edit_page(account, form)


@bp.route("/accounts/<username>/unlock", methods=["POST"])
@admin_required
def unlock(username: str):
    account = stores().accounts.by_username(username) or abort(404)
    if not ButtonForm().validate_on_submit():
        abort(400)
    stores().accounts.unlock(account.username)
    record("unlocked account", account.username)
    flash(f"Account {account.username} unlocked.", "info")
    return redirect(url_for("accounts.edit", username=account.username))


def _current(account) -> dict:
    return {"role": account.role, "areas": sorted(account.areas), "active": account.active}


def _sentence(error: AccountError) -> str:
    """seen.accounts says "a supervisor needs at least one area"; a form shows a sentence."""
    text = str(error)
    return text[0].upper() + text[1:] + "."


def _edit_page(account, password_form, form=None):
    if form is None:
        form = AccountEditForm(formdata=None, data=_current(account))
        form.areas.choices = list(stores().labels.areas.items())
    failed = bool(form.errors or password_form.errors)
    return render_template("accounts/edit.html", account=account, form=form, password_form=password_form,
                           button=ButtonForm(), labels=stores().labels), 400 if failed else 200
