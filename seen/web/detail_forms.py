"""The local details pages' forms. A detail's lines are made into Facts with
the knowledge models and seen.detail_format's checks, the same the YAML's
loader uses, and each message is put next to the field it is about, so an
editor can put it right where they typed it."""

from typing import List, Optional, Tuple

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from pydantic import ValidationError
from wtforms import DateField, FieldList, Form, FormField, IntegerField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange
from wtforms.widgets import HiddenInput

from seen import detail_format
from seen.board_details import MAX_FACTS
from seen.detail_format import MAX_TEXT, MAX_TITLE, MAX_URL, FormatError
from seen.knowledge import BoardSource, Fact

NO_LINES = "Give at least one line: what Seen should say, with its source and the date you checked it."
#: Where BoardSource's own fields' messages go.
_SOURCE_FIELDS = {"url": "source_url", "title": "source_title", "section": "source_section", "checked": "checked"}


class LineForm(Form):
    """One line of a detail and where the editor checked it (no CSRF of its own: DetailForm has it).
    Nothing is required of a line left blank, so its fields carry no required flag."""

    text = StringField("What Seen says", render_kw={"maxlength": MAX_TEXT})
    phone = StringField("Phone number (optional)", render_kw={"inputmode": "tel", "autocomplete": "off"})
    url = StringField("Web address (optional)", render_kw={"inputmode": "url", "maxlength": MAX_URL})
    source_url = StringField("Source web address", render_kw={"inputmode": "url", "maxlength": MAX_URL})
    source_title = StringField("Source document title", render_kw={"maxlength": MAX_TITLE})
    source_section = StringField("Section", render_kw={"maxlength": MAX_TITLE})
    checked = DateField("Date you checked it")

    def blank(self) -> bool:
        """Nothing typed on this line: it is left out."""
        typed = [self.text, self.phone, self.url, self.source_url, self.source_title, self.source_section]
        return not any(_value(f) for f in typed) and not self._date_typed()

    def _date_typed(self) -> bool:
        return bool("".join(self.checked.raw_data or []).strip())

    def validate(self, extra_validators=None) -> bool:
        """A blank line passes; any other is made into ``self.fact``, or its fields carry what is wrong."""
        self.fact: Optional[Fact] = None
        if self.blank():
            return True
        fields_valid = super().validate(extra_validators)
        if not _value(self.text):
            _add(self.text, "Type what Seen should say on this line.")
        if not self._date_typed():  # rather than WTForms' "Not a valid date value." for an empty box
            self.checked.errors = ["Give the day you checked it at its source."]
        source = self._source() if self.checked.data else None
        self._check(self.text, detail_format.plain_text)
        self._check(self.phone, detail_format.uk_phone)
        self._check(self.url, detail_format.https_url)
        if not fields_valid or source is None or any(f.errors for f in self):
            return False
        try:
            self.fact = Fact(text=_value(self.text), phone=_value(self.phone), url=_value(self.url), source=source)
        except ValidationError as error:  # the checks above cover Fact's own; this is the last word
            _add(self.text, *(e["msg"] for e in error.errors()))
        return self.fact is not None

    def _source(self) -> Optional[BoardSource]:
        try:
            return BoardSource(url=_value(self.source_url), title=_value(self.source_title),
                               section=_value(self.source_section), checked=self.checked.data)
        except ValidationError as error:
            for problem in error.errors():
                name = _SOURCE_FIELDS.get(problem["loc"][0])
                _add(self[name] if name else self._missing_source_field(), problem["msg"])
            return None

    def _missing_source_field(self):
        """Where a message about the source as a whole goes: the half of a document source that is
        missing, else its web address."""
        if _value(self.source_title) and not _value(self.source_section):
            return self.source_section
        if _value(self.source_section) and not _value(self.source_title):
            return self.source_title
        return self.source_url

    @staticmethod
    def _check(field, check) -> None:
        if _value(field):
            try:
                check(field.data)
            except FormatError as error:
                _add(field, str(error))


class DetailForm(FlaskForm):
    """A detail's new lines: blank lines are left out, at least one is needed. After
    validate(), ``facts`` holds them, made and checked."""

    lines = FieldList(FormField(LineForm), min_entries=1, max_entries=MAX_FACTS)
    preview = SubmitField("Preview")  # first, so Enter in a box previews rather than proposes
    propose = SubmitField("Propose for approval")

    def validate(self, extra_validators=None) -> bool:
        self.facts: List[Fact] = []
        valid = super().validate(extra_validators)
        filled = [line.form for line in self.lines if not line.form.blank()]
        if not filled:
            _add(self.lines[0].form.text, NO_LINES)
            return False
        self.facts = [line.fact for line in filled if line.fact is not None]
        return valid and len(self.facts) == len(filled)

    def problems(self) -> List[Tuple[Optional[str], str]]:
        """(field id, message) for every error, line by line, for the summary at the top of the page."""
        found: List[Tuple[Optional[str], str]] = [(None, e) for e in self.csrf_token.errors]
        return found + [(f.id, f"Line {number}: {e}") for number, line in enumerate(self.lines, 1)
                        for f in line.form for e in f.errors]


class ImportForm(FlaskForm):
    file = FileField("The area's file (.yml), exported from Seen and changed",
                     validators=[FileRequired("Choose the file to import.")], render_kw={"accept": ".yml,.yaml"})
    submit = SubmitField("Import and propose")


class RejectForm(FlaskForm):
    """Reject (a reason is needed) or, for the proposer, withdraw (none is)."""

    reason = TextAreaField("Why it should not be published (the proposer sees this)", validators=[Length(max=300)])
    submit = SubmitField("Reject")


class RollbackForm(FlaskForm):
    version = IntegerField(widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=0)])


def line_data(fact: Fact) -> dict:
    """A current line as the form starts with it: a board's own in full; a seed
    fact's text only, its source for the editor to give."""
    source = fact.board_source
    if source is None:
        return {"text": fact.text}
    return {"text": fact.text, "phone": fact.phone, "url": fact.url, "source_url": source.url,
            "source_title": source.title, "source_section": source.section, "checked": source.checked}


def _value(field) -> Optional[str]:
    return (field.data or "").strip() or None


def _add(field, *messages: str) -> None:
    """Add to a field's errors (a tuple until the field is validated)."""
    field.errors = [*field.errors, *messages]
