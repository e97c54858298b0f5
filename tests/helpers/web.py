"""The supervision app under Flask's test client: its test settings, and a
`Visitor` that reads the CSRF token from the page it last saw, as a browser
does, so a test that leaves the token out does so on purpose."""

import html
import re
from typing import Dict, Optional

from flask.testing import FlaskClient

PASSWORD = "a long test passphrase"
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def settings(url: str, **changes) -> Dict[str, object]:
    """What the tests change from the app's defaults (seen.web.settings.DEFAULTS)."""
    return {
        "TESTING": True,
        "SECRET_KEY": "tests only",
        "DATABASE_URL": url,
        "LOGIN_RATE_LIMIT": "1000 per minute",
        "WARM_UP": False,
        "BOT_URL": "http://127.0.0.1:5005",
        **changes,
    }


class Visitor:
    """One browser: signs in, follows links, and posts forms with the token from the page it last saw."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.page = ""

    def get(self, url: str, **kwargs):
        response = self.client.get(url, **kwargs)
        self.page = response.get_data(as_text=True)
        return response

    @property
    def text(self) -> str:
        """The last page as a person reads it: entities such as &#39; turned back into characters."""
        return html.unescape(self.page)

    @property
    def seen_text(self) -> str:
        """The text without its CSRF tokens, which carry the second they were made: two pages
        a person cannot tell apart compare equal."""
        return TOKEN.sub('name="csrf_token" value=""', self.text)

    def token(self) -> str:
        match = TOKEN.search(self.page)
        assert match, "the page has no form with a CSRF token"
        return match.group(1) or match.group(2)

    def submit(self, url: str, data: Optional[dict] = None, page: Optional[str] = None, **kwargs):
        """Open `page` (default: `url`) like a person would, then post the form with its token."""
        self.get(page or url)
        response = self.client.post(url, data={**(data or {}), "csrf_token": self.token()}, **kwargs)
        self.page = response.get_data(as_text=True)
        return response

    def sign_in(self, username: str, password: str = PASSWORD):
        return self.submit("/login", {"username": username, "password": password})

    def sign_out(self):
        return self.submit("/logout")
