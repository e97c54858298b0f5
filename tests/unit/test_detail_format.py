"""What a board editor may type into a local detail (seen.detail_format): what
is kept, and what is refused with a message that tells the editor what to do."""

import pytest

from seen.detail_format import MAX_TEXT, MAX_TITLE, MAX_URL, FormatError, https_url, plain_text, uk_phone


def refusal(check, value, *args) -> str:
    """The message a refused value gets, checked to be one sentence an editor can read."""
    with pytest.raises(FormatError) as raised:
        check(value, *args)
    message = str(raised.value)
    assert message[0].isupper() and message.endswith("."), message
    assert "\n" not in message, message
    return message


# Plain text


@pytest.mark.parametrize("typed", [
    "Derby and Derbyshire Children's Services Starting Point",
    "Early Help & Families",
    "Monday to Friday, 8:30am–5pm (out of hours: the Call Derbyshire line)",
    "Working Together to Safeguard Children 2023-2024, section 4",
    "Sharing data: ask the duty manager first.",
    "Children under 5 < 1 in 3 (see the neglect strategy)",
    "Registered charity 216401",
])
def test_ordinary_words_and_punctuation_are_kept(typed):
    assert plain_text(typed) == typed


@pytest.mark.parametrize("typed, kept", [
    ("  Early Help & Families  ", "Early Help & Families"),
    ("Monday to Friday,\n8:30am–5pm", "Monday to Friday, 8:30am–5pm"),
    ("Rochdale\tBorough\u00a0Safeguarding   Children", "Rochdale Borough Safeguarding Children"),
])
def test_whitespace_is_tidied_to_single_spaces(typed, kept):
    assert plain_text(typed) == kept


@pytest.mark.parametrize("typed, fragment", [
    ("<script>alert(1)</script>", "HTML tag"),
    ("Call <b>now</b>", "HTML tag"),
    ("see </a> here", "HTML tag"),
    ("<img src=x onerror=alert(1)>", "HTML tag"),
    ("The front door <script", "HTML tag"),
    ("<!-- hidden -->", "HTML tag"),
    ("Early Help &amp; Families", "HTML character code"),
    ("&lt;script&gt;", "HTML character code"),
    ("Early Help &#38; Families", "HTML character code"),
    ("&#x3c;b&#x3e;", "HTML character code"),
    ("[click](https://evil.example)", "Markdown link"),
    ("![logo](https://evil.example/x.png)", "Markdown link"),
    ("[click][1]", "Markdown link"),
    ("Use `the portal`", "backtick"),
    ("javascript:alert(1)", "javascript:"),
    ("Click JavaScript :alert(1)", "javascript:"),
    ("vbscript:msgbox(1)", "vbscript:"),
    ("data:text/html;base64,PHNjcmlwdD4=", "data:"),
])
def test_markup_is_refused_naming_what_was_found(typed, fragment):
    assert fragment in refusal(plain_text, typed)


@pytest.mark.parametrize("typed", [
    "http://derby.gov.uk",
    "See https://www.derbyscb.org.uk/escalation for the policy",
    "See www.derbyscb.org.uk",
    "ftp://files.derby.gov.uk/policy.pdf",
])
def test_a_web_address_in_the_text_is_sent_to_its_own_field(typed):
    assert "web address field" in refusal(plain_text, typed)


@pytest.mark.parametrize("typed", [
    "Call Starting Point on 01629 533190",
    "Ring 0161 770 7777 (option 2)",
    "Out of hours: +44 (0)1706 925 000",
    "Duty desk 770-7777",
])
def test_a_phone_number_in_the_text_is_sent_to_its_own_field(typed):
    assert "phone number field" in refusal(plain_text, typed)


@pytest.mark.parametrize("typed", [
    "Call the duty\x00 desk", "Escalate\u202e to the manager", "Zero\u200bwidth", "Bell\x07",
])
def test_hidden_control_characters_are_refused(typed):
    assert "control character" in refusal(plain_text, typed)


@pytest.mark.parametrize("typed", ["", "   ", "\n\t"])
def test_empty_text_is_refused(typed):
    assert "empty" in refusal(plain_text, typed)


def test_long_text_is_refused_saying_how_long_it_is_and_may_be():
    assert refusal(plain_text, "a" * (MAX_TEXT + 1)) == "The text is 301 characters; keep it to 300 or fewer."
    assert plain_text("a" * MAX_TEXT) == "a" * MAX_TEXT


def test_the_length_is_counted_after_whitespace_is_tidied():
    """Stray spaces from pasting do not push a detail over its limit."""
    assert plain_text("a  " * (MAX_TEXT // 2)) == " ".join(["a"] * (MAX_TEXT // 2))


def test_messages_name_the_field_and_its_own_limit():
    assert refusal(plain_text, "b" * (MAX_TITLE + 1), "The section", MAX_TITLE) == \
        "The section is 201 characters; keep it to 200 or fewer."
    assert refusal(plain_text, "<b>Section 4</b>", "The section").startswith("The section has an HTML tag")


def test_text_that_is_not_a_string_is_refused():
    """YAML reads an unquoted 2024 as a number."""
    assert "quotes" in refusal(plain_text, 2024)


# UK phone numbers


@pytest.mark.parametrize("typed, kept", [
    ("01332 641172", "01332 641172"),
    ("01332641172", "01332 641172"),
    ("(01332) 641172", "01332 641172"),
    ("0161 770 7777", "0161 770 7777"),
    ("0161-770-7777", "0161 770 7777"),
    ("+44 (0)1706 925 000", "01706 925000"),
    ("+44 1332 641172", "01332 641172"),
    ("0044 1332 641172", "01332 641172"),
    ("0808 800 5000", "0808 800 5000"),
    ("0800 1111", "0800 1111"),
    ("0300 123 4567", "0300 123 4567"),
    (" 01332 641172 ", "01332 641172"),
])
def test_uk_numbers_are_kept_as_written_nationally(typed, kept):
    assert uk_phone(typed) == kept


@pytest.mark.parametrize("typed, kept", [("101", "101"), ("111", "111"), ("116 123", "116 123"), ("116123", "116 123")])
def test_uk_short_numbers_are_kept(typed, kept):
    assert uk_phone(typed) == kept


@pytest.mark.parametrize("typed", ["999", "112", "9 9 9"])
def test_emergency_numbers_are_refused_because_seen_gives_them_itself(typed):
    assert "Seen always gives 999 itself" in refusal(uk_phone, typed)


@pytest.mark.parametrize("typed, fragment", [
    ("09098 790 000", "premium-rate"),
    ("+1 202 555 0143", "outside the UK"),
    ("+33 1 23 45 67 89", "outside the UK"),
    ("01534 444444", "outside the UK"),  # Jersey: +44, but not the UK
    ("0161 770 777", "isn't a UK phone number: give it as 01332 641172"),
    ("07700 900123", "isn't a UK phone number"),  # a range kept for drama, never a real line
    ("+44 101", "isn't a UK phone number"),
    ("12", "isn't a UK phone number"),
    ("01332 641172 ext 3", "letters"),
    ("0800 CHILDLINE", "letters"),
    ("01332 641172#3", "only digits, spaces, brackets, dashes"),
    ("01332 641172 / 641173", "only digits, spaces, brackets, dashes"),
    ("0" * 31, "31 characters"),
    ("", "empty"),
])
def test_numbers_that_are_not_a_uk_line_are_refused_saying_why(typed, fragment):
    assert fragment in refusal(uk_phone, typed)


def test_a_number_read_from_yaml_as_an_integer_is_refused():
    """01332641172 unquoted in YAML loses its 0 (or is read as octal)."""
    assert "as text" in refusal(uk_phone, 1332641172)


# https:// web addresses


@pytest.mark.parametrize("typed, kept", [
    ("https://www.derbyscb.org.uk/", "https://www.derbyscb.org.uk/"),
    ("https://www.derbyscb.org.uk", "https://www.derbyscb.org.uk"),
    ("  https://www.rochdalesafeguarding.com/escalation  ", "https://www.rochdalesafeguarding.com/escalation"),
    ("https://WWW.Derbyscb.ORG.uk/Escalation-Policy?Tab=2#Step3", "https://www.derbyscb.org.uk/Escalation-Policy?Tab=2#Step3"),
    ("HTTPS://derby.gov.uk/a%20b", "https://derby.gov.uk/a%20b"),
    ("https://en.wikipedia.org/wiki/Neglect_(child)", "https://en.wikipedia.org/wiki/Neglect_(child)"),
    ("https://xn--bcher-kva.example/", "https://xn--bcher-kva.example/"),
])
def test_https_addresses_are_kept_as_typed_with_the_site_name_in_lower_case(typed, kept):
    assert https_url(typed) == kept


def test_an_http_address_is_refused_saying_why_https_matters():
    assert refusal(https_url, "http://derby.gov.uk") == \
        "Web addresses must start with https:// — http:// pages can be changed on the way to the reader."


@pytest.mark.parametrize("typed", [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "ftp://files.derby.gov.uk/policy.pdf",
    "mailto:safeguarding@derby.gov.uk",
    "vbscript:msgbox(1)",
])
def test_other_schemes_are_refused(typed):
    assert refusal(https_url, typed) == "Only https:// web addresses are accepted."


@pytest.mark.parametrize("typed, fragment", [
    ("www.derbyscb.org.uk", "needs https:// at the start"),
    ("derbyscb.org.uk/escalation", "needs https:// at the start"),
    ("derbyscb.org.uk:8080", "needs https:// at the start"),
    ("https:derbyscb.org.uk", "must start with https:// and the site's name"),
    ("https:///escalation", "must start with https:// and the site's name"),
    ("https://editor:secret@derbyscb.org.uk/", "user name or password"),
    ("https://derbyscb.org.uk@evil.example/", "user name or password"),
    ("https://derbyscb.org.uk:8443/", "port"),
    ("https://192.168.0.1/admin", "numeric (IP) address"),
    ("https://2130706433/", "numeric (IP) address"),
    ("https://0x7f.0.0.1/", "numeric (IP) address"),
    ("https://[::1]/", "characters a web address cannot have"),
    ("https://localhost/", "localhost"),
    ("https://admin.localhost/", "localhost"),
    ("https://intranet/escalation", "full name, with its dots"),
    ("https://derby..gov.uk/", "site name that cannot be right"),
    ("https://-derby.gov.uk/", "site name that cannot be right"),
    ("https://derby.gov.uk/a page", "space"),
    ('https://derby.gov.uk/"onmouseover="alert(1)', "characters a web address cannot have"),
    ("https://derby.gov.uk/<script>", "characters a web address cannot have"),
    ("https://derby.gov.uk\\@evil.example/", "characters a web address cannot have"),
    ("https://dérby.gov.uk/", "characters a web address cannot have"),
    ("", "empty"),
    ("https://derby.gov.uk/" + "a" * MAX_URL, "keep it to 300 or fewer"),
])
def test_addresses_that_could_mislead_or_fail_are_refused_saying_what_to_change(typed, fragment):
    assert fragment in refusal(https_url, typed)


def test_address_messages_name_the_field():
    assert refusal(https_url, "www.derbyscb.org.uk", "The escalation page").startswith("The escalation page needs https://")
