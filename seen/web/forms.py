"""Every form in the app (Flask-WTF: CSRF on all but the GET filter form)."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from seen.accounts import MIN_PASSWORD, ROLE_NAMES, ROLES

ROLE_CHOICES = [(r, ROLE_NAMES[r]) for r in ROLES]
AREAS_LABEL = "Areas (a supervisor sees notes from these areas; a board editor edits these areas' local details)"


def area_choices(labels, visible) -> list:
    """The area filter's options: only the areas the reader may see."""
    everything = [("", "All my areas" if visible is not None else "All areas")]
    return everything + [(i, name) for i, name in labels.areas.items() if visible is None or i in visible]


class Checkboxes(SelectMultipleField):
    """A list of checkboxes: easier on a phone and with a keyboard than a multiple select."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class LoginForm(FlaskForm):
    username = StringField("User name", validators=[DataRequired("Enter your user name."), Length(max=64)],
                           render_kw={"autocomplete": "username", "autocapitalize": "none"})
    password = PasswordField("Password", validators=[DataRequired("Enter your password."), Length(max=1024)],
                             render_kw={"autocomplete": "current-password"})
    submit = SubmitField("Sign in")


class ButtonForm(FlaskForm):
    """A form that is only a button (sign out, mark discussed, delete): the CSRF token is the point."""

    submit = SubmitField()


class PeriodFilterForm(FlaskForm):
    """Dates and area: the themes page's filters. A GET form, so a filtered page is a link one can share."""

    class Meta:
        csrf = False

    since = DateField("From", validators=[Optional()])
    until = DateField("To", validators=[Optional()])
    area = SelectField("Area", validators=[Optional()])

    def validate_until(self, field) -> None:
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError("The end date is before the start date.")


class NoteFilterForm(PeriodFilterForm):
    """The notes list's filters."""

    role = SelectField("Role", validators=[Optional()])
    age_band = SelectField("Age band", validators=[Optional()])
    flags = Checkboxes("Flags", validators=[Optional()])
    discussed = SelectField("Discussed", choices=[("", "Any"), ("no", "Not yet discussed"), ("yes", "Discussed")],
                            validators=[Optional()])
    reference = StringField("Reference", validators=[Optional(), Length(max=20)])
    text = StringField("Text in the note", validators=[Optional(), Length(max=100)])


class CommentForm(FlaskForm):
    text = TextAreaField("Add a supervision comment",
                         validators=[DataRequired("Write a comment first."), Length(max=2000)])
    submit = SubmitField("Add comment")


class PasswordForm(FlaskForm):
    """A new password typed twice: an admin setting one, and the first one of a new account."""

    password = PasswordField("New password", validators=[
        DataRequired("Type the new password."),
        Length(min=MIN_PASSWORD, message=f"At least {MIN_PASSWORD} characters.")],
        render_kw={"autocomplete": "new-password"})
    confirm = PasswordField("New password again", validators=[EqualTo("password", "The passwords differ.")],
                            render_kw={"autocomplete": "new-password"})
    submit = SubmitField("Set password")


class AccountForm(PasswordForm):
    username = StringField("User name", validators=[DataRequired("Enter a user name."), Length(min=3, max=64)],
                           render_kw={"autocomplete": "off", "autocapitalize": "none"})
    role = SelectField("Role", choices=ROLE_CHOICES)
    areas = Checkboxes(AREAS_LABEL)
    submit = SubmitField("Create account")


class AccountEditForm(FlaskForm):
    role = SelectField("Role", choices=ROLE_CHOICES)
    areas = Checkboxes(AREAS_LABEL)
    active = BooleanField("Account can sign in")
    submit = SubmitField("Save changes")

