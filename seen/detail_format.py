"""What a board editor may type into a local detail: plain words, a UK phone
number, an https:// web address. The web form and the knowledge YAML's loader
both check with these, so a detail reads the same whichever way it came in.

Each check returns the value as Seen keeps it, or raises FormatError with one
sentence that tells the editor what to change. The text goes to practitioners
as it is, so it may carry no markup at all; numbers and addresses have their
own fields, where they are checked properly.
"""

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType, ShortNumberCost

MAX_TEXT = 300  # characters for a detail's text
MAX_TITLE = 200  # a document title or section
MAX_URL = 300
MAX_PHONE = 30  # room for "+44 (0)1332 641 172" and some spaces, not for an extension's words

PHONE_EXAMPLE = "01332 641172 or +44 1332 641172"
URL_EXAMPLE = "https://www.derbyscb.org.uk/"
REGION = "GB"

#: Tab, newline and carriage return are whitespace, collapsed like spaces; any
#: other control or format character (bidi overrides, zero-width spaces) is refused.
_WHITESPACE_CONTROLS = "\t\n\r"
_MARKUP = [
    # <b>, </a>, <script, <img ...>, <!-- and <?xml, even unclosed.
    (re.compile(r"<\s*(?:[/?]?\s*[a-z]|!)", re.I), "has an HTML tag in it: type plain words, without < > tags"),
    # &lt; &#60; &#x3c; and the bare &lt &amp that browsers read as codes too.
    (re.compile(r"&(?:#|[a-z][a-z0-9]*;|(?:lt|gt|amp|quot|apos|nbsp)\b)", re.I),
     "has an HTML character code (like &amp;) in it: type the character itself"),
    (re.compile(r"\][(\[]"), "has a Markdown link in it: keep the text plain, and the web address in its own field"),
    (re.compile(r"`"), "has a backtick (`) in it: use an ordinary apostrophe (') instead"),
    # "Sharing data: ask..." is prose; "data:text/html,..." is an address.
    (re.compile(r"\b(?:javascript|vbscript)\s*:|\bdata:(?=\S)", re.I),
     "has a script or data address (javascript:, vbscript: or data:) in it: type plain words only"),
]
_WEB_ADDRESS = re.compile(r"\b[a-z][a-z0-9+.-]*://|\bwww\.", re.I)
#: Seven or more digits with spaces, dashes or brackets between: a number,
#: or most of one. A year range ("2023-2024") is not.
_PHONE_IN_TEXT = re.compile(r"\d(?:[ \-()]{0,3}\d){6,}")
_YEAR_RANGE = re.compile(r"\b(?:19|20)\d\d\s*-\s*(?:19|20)\d\d\b")

_PHONE_CHARACTERS = re.compile(r"\+?[\d\s()\-]*")
#: What may stand unescaped in a web address, less quotes, brackets and the
#: backslash that browsers read as "/".
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&()*+,;=%]*")
_HOST_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
#: A last label of digits or hex makes browsers read the whole host as an IPv4 address.
_NUMERIC_LABEL = re.compile(r"(?:0x[0-9a-f]*|\d+)")


class FormatError(ValueError):
    """What was typed cannot be a detail; the message says what to change, for the editor."""


def plain_text(value: str, what: str = "The text", max_chars: int = MAX_TEXT) -> str:
    """The words with their whitespace tidied: refused if they hold markup, a
    web address or a phone number, which would reach practitioners unchecked."""
    _require_text(value, what)
    if any(unicodedata.category(c)[0] == "C" and c not in _WHITESPACE_CONTROLS for c in value):
        raise FormatError(f"{what} has a hidden control character in it, often from pasting: type it again by hand.")
    text = " ".join(value.split())
    if not text:
        raise FormatError(f"{what} is empty: type the words practitioners should read.")
    _require_length(text, what, max_chars)
    for pattern, problem in _MARKUP:
        if pattern.search(text):
            raise FormatError(f"{what} {problem}.")
    if _WEB_ADDRESS.search(text):
        raise FormatError(f"{what} has a web address in it: put it in the web address field instead.")
    if _PHONE_IN_TEXT.search(_YEAR_RANGE.sub(" ", text)):
        raise FormatError(f"{what} has a phone number in it: put it in the phone number field instead.")
    return text


def uk_phone(value: str) -> str:
    """A UK number as it is written nationally ('01332 641172'), or a UK short
    number ('101', '116 123'). Not 999: Seen always gives that itself."""
    if not isinstance(value, str):
        raise FormatError(f"Give the phone number as text, such as {PHONE_EXAMPLE}.")
    typed = value.strip()
    if not typed:
        raise FormatError(f"The phone number is empty: give it as {PHONE_EXAMPLE}.")
    if len(typed) > MAX_PHONE:
        raise FormatError(f"The phone number is {len(typed)} characters; give just the number, as {PHONE_EXAMPLE}.")
    _require_phone_characters(typed)
    digits = re.sub(r"\D", "", typed)
    if not typed.startswith("+") and phonenumbers.connects_to_emergency_number(digits, REGION):
        raise FormatError("That is an emergency number: Seen always gives 999 itself, "
                          "so don't enter it as a local detail.")
    try:
        number = phonenumbers.parse(typed, REGION)
    except NumberParseException:
        raise FormatError(f"That isn't a UK phone number: give it as {PHONE_EXAMPLE}.") from None
    if phonenumbers.is_valid_number(number):
        return _national(number)
    if not typed.startswith("+") and phonenumbers.is_valid_short_number_for_region(number, REGION):
        return _short(number, digits)
    raise FormatError(f"That isn't a UK phone number: give it as {PHONE_EXAMPLE}.")


def https_url(value: str, what: str = "The web address") -> str:
    """The address as typed, its scheme and site name in lower case: only
    https:// to a named site, with nothing that could send the reader elsewhere."""
    _require_text(value, what)
    url = value.strip()
    if not url:
        raise FormatError(f"{what} is empty: give it as {URL_EXAMPLE}.")
    _require_length(url, what, MAX_URL)
    if any(c.isspace() for c in url):
        raise FormatError(f"{what} has a space in it: copy it again from the browser's address bar.")
    if not _URL_CHARACTERS.fullmatch(url):
        raise FormatError(f"{what} has characters a web address cannot have (quotes, < >, accents): "
                          "copy it again from the browser's address bar.")
    parts = urlsplit(url)
    _require_https(parts.scheme, what)
    if not url.lower().startswith("https://") or not parts.netloc:
        raise FormatError(f"{what} must start with https:// and the site's name, as {URL_EXAMPLE}.")
    if "@" in parts.netloc:
        raise FormatError(f"{what} has a user name or password in it (before an @): remove it.")
    if ":" in parts.netloc:
        raise FormatError(f"{what} names a port (a : after the site's name): give the address without it.")
    host = parts.netloc.lower()
    _require_named_host(host, what)
    return "https://" + host + url[len("https://") + len(parts.netloc):]


def _require_text(value, what: str) -> None:
    if not isinstance(value, str):
        raise FormatError(f"{what} must be text: in YAML, put it in quotes.")


def _require_length(text: str, what: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise FormatError(f"{what} is {len(text)} characters; keep it to {max_chars} or fewer.")


def _require_phone_characters(typed: str) -> None:
    if any(c.isalpha() for c in typed):
        raise FormatError("The phone number has letters in it: give digits only, "
                          "and put an extension or opening times in the text.")
    if not _PHONE_CHARACTERS.fullmatch(typed):
        raise FormatError(f"The phone number can have only digits, spaces, brackets, dashes and a leading +: "
                          f"give it as {PHONE_EXAMPLE}.")


def _national(number: phonenumbers.PhoneNumber) -> str:
    if phonenumbers.region_code_for_number(number) != REGION:
        raise FormatError(f"That is a number outside the UK: give a UK number, such as {PHONE_EXAMPLE}.")
    if phonenumbers.number_type(number) == PhoneNumberType.PREMIUM_RATE:
        raise FormatError("That is a premium-rate number, which costs callers extra: give the ordinary number.")
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def _short(number: phonenumbers.PhoneNumber, digits: str) -> str:
    """'101', '111'; six digits in two threes, as the 116 lines are written ('116 123')."""
    if phonenumbers.expected_cost_for_region(number, REGION) == ShortNumberCost.PREMIUM_RATE:
        raise FormatError("That is a premium-rate number, which costs callers extra: give the ordinary number.")
    return f"{digits[:3]} {digits[3:]}" if len(digits) == 6 else digits


def _require_https(scheme: str, what: str) -> None:
    scheme = scheme.lower()
    if scheme == "https":
        return
    if scheme == "http":
        raise FormatError("Web addresses must start with https:// — "
                          "http:// pages can be changed on the way to the reader.")
    if not scheme or "." in scheme:  # "www.derbyscb.org.uk", or "derbyscb.org.uk:8080" read as a scheme
        raise FormatError(f"{what} needs https:// at the start, as {URL_EXAMPLE}.")
    raise FormatError("Only https:// web addresses are accepted.")


def _require_named_host(host: str, what: str) -> None:
    labels = host.split(".")
    if host == "localhost" or host.endswith(".localhost"):
        raise FormatError(f"{what} points at this computer (localhost): give the site's public address.")
    if _is_ip_address(host) or _NUMERIC_LABEL.fullmatch(labels[-1]):
        raise FormatError(f"{what} is a numeric (IP) address: give the site's name, as {URL_EXAMPLE}.")
    if len(labels) < 2:
        raise FormatError(f"{what} needs the site's full name, with its dots, as {URL_EXAMPLE}.")
    if not all(_HOST_LABEL.fullmatch(label) for label in labels):
        raise FormatError(f"{what} has a site name that cannot be right: copy it again from the browser's address bar.")


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
