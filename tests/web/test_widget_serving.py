"""What a board's web team gets from the web app: widget.js for any site, and a
demo page that embeds it. Both are public, as a board's site is."""


def test_widget_js_is_served_to_any_site_without_signing_in(app):
    response = app.test_client().get("/widget.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert "max-age=300" in response.headers["Cache-Control"]
    assert b"data-board" in response.data


def test_the_demo_page_embeds_the_widget_for_the_board_and_may_reach_only_the_bot(app):
    response = app.test_client().get("/demo?board=derby")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<script src="/widget.js" data-board="derby" data-server="http://127.0.0.1:5005" async>' in page
    policy = response.headers["Content-Security-Policy"]
    assert "connect-src 'self' http://127.0.0.1:5005 ws://127.0.0.1:5005" in policy
    assert "script-src 'self'" in policy


def test_an_unknown_board_gets_not_found_and_no_board_gets_the_list(app):
    client = app.test_client()
    assert client.get("/demo?board=kent").status_code == 404
    listing = client.get("/demo").get_data(as_text=True)
    assert 'href="/demo?board=north_somerset"' in listing and "<script src" not in listing
