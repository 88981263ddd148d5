"""Links in posts: what becomes a player (an allow-list of providers, the embed
address rebuilt from a validated id), what stays a plain link, what is refused."""

from __future__ import annotations

import pytest

from graphsvc import embeds
from graphsvc.config import Settings
from graphsvc.embeds import Embed
from graphsvc.errors import Invalid

UUID = "9c9de5e8-0a1e-484a-b099-e80766180a6d"


@pytest.mark.parametrize("url, provider, player", [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
    ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ?t=90", "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90"),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s", "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90"),
    ("https://youtube.com/shorts/aBcDeFgHiJk", "youtube", "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk"),
    ("http://WWW.YOUTUBE.COM/live/aBcDeFgHiJk", "youtube", "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk"),
    ("https://vimeo.com/76979871", "vimeo", "https://player.vimeo.com/video/76979871"),
    ("https://vimeo.com/76979871/abc123def0", "vimeo", "https://player.vimeo.com/video/76979871?h=abc123def0"),
    ("https://player.vimeo.com/video/76979871", "vimeo", "https://player.vimeo.com/video/76979871"),
    ("https://www.dailymotion.com/video/x8abc12", "dailymotion", "https://www.dailymotion.com/embed/video/x8abc12"),
    ("https://dai.ly/x8abc12", "dailymotion", "https://www.dailymotion.com/embed/video/x8abc12"),
    ("https://soundcloud.com/forss/flickermood", "soundcloud",
     "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fforss%2Fflickermood"),
    ("https://soundcloud.com/forss/sets/soulhack?si=x", "soundcloud",
     "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fforss%2Fsets%2Fsoulhack"),
    (f"https://framatube.org/videos/watch/{UUID}", "peertube", f"https://framatube.org/videos/embed/{UUID}"),
    (f"https://framatube.org/w/{UUID}", "peertube", f"https://framatube.org/videos/embed/{UUID}"),
    ("https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv", "peertube", "https://framatube.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv"),
    ("https://media.example.org/meeting/discours.mp3", "audio", "https://media.example.org/meeting/discours.mp3"),
    ("https://media.example.org/clip.MP4", "video", "https://media.example.org/clip.MP4"),
    ("https://media.example.org/clip.webm?x=1", "video", "https://media.example.org/clip.webm?x=1"),
])
def test_provider_links_become_their_players(url, provider, player):
    link = embeds.parse(url)
    assert link.embed == Embed(provider, player)


def test_direct_media_know_their_kind_and_type():
    assert embeds.parse("https://a.example/b.ogg").embed.kind == "audio"
    assert embeds.parse("https://a.example/b.mp4").embed.media_type == "video/mp4"
    assert embeds.parse("https://youtu.be/dQw4w9WgXcQ").embed.kind == "iframe"


@pytest.mark.parametrize("url", [
    "https://youtube.com.evil.org/watch?v=dQw4w9WgXcQ",  # a provider's name as a subdomain
    "https://evil.org/youtube.com/watch?v=dQw4w9WgXcQ",
    "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com/@une-chaine",  # a channel: a plain link
    "https://www.youtube.com/playlist?list=PL123",
    "https://vimeo.com/channels/staffpicks",
    "https://soundcloud.com/forss",
    "https://www.parti.example/w/kkGMgK9ZtnKfYAgnEtQxbv",  # looks like PeerTube, elsewhere: a plain link
    "https://www.parti.example/programme.pdf",
])
def test_other_links_stay_plain_links(url):
    assert embeds.parse(url).embed is None


@pytest.mark.parametrize("url, message", [
    ("javascript:alert(1)", "http:// ou https://"),
    ("JaVaScRiPt:alert(document.cookie)", "http:// ou https://"),
    ("data:text/html;base64,PHNjcmlwdD4=", "http:// ou https://"),
    ("vbscript:msgbox", "http:// ou https://"),
    ("//evil.org/x", "http:// ou https://"),
    ("https:evil.org", "http:// ou https://"),
    ("https://www.youtube.com@evil.org/watch?v=dQw4w9WgXcQ", "« @ »"),
    ("https://user:pass@example.org/", "« @ »"),
    ("https://evil.org\\@youtube.com/", "« @ »"),
    ("https://exa mple.org/", "espaces"),
    ("https://example.org/\u202egpj.exe", "invisibles"),
    ("https://example.org/\nx", "espaces"),
    ("https://127.0.0.1/admin", "nom de site invalide"),
    ("https://[::1]/", "nom de site invalide"),
    ("https://localhost/", "nom de site invalide"),
    ("https://example.org:99999/", "port"),
    ("https://" + "a" * 64 + ".org/", "nom de site invalide"),
    ("https://example.org/" + "a" * 2001, "2000 caractères"),
    ("https://www.youtube.com/watch?v=short", "YouTube"),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ%22%3E%3Cscript%3E", "YouTube"),
    ("https://youtu.be/dQw4w9WgXcQ/../../evil", "YouTube"),
    ("https://vimeo.com/123abc", "Vimeo"),
    ("https://www.dailymotion.com/video/<script>", "Dailymotion"),
    ("https://soundcloud.com/artist/tr%22ack", "SoundCloud"),
    ("https://on.soundcloud.com/AbCdE", "lien court SoundCloud"),
    (f"https://peertube.evil.org/videos/watch/{UUID}", "instance non autorisée"),
    (f"https://framatube.org/videos/watch/not-a-uuid", "PeerTube"),
    ("http://media.example.org/discours.mp3", "https://"),
])
def test_hostile_and_broken_links_are_refused_with_a_clear_message(url, message):
    with pytest.raises(Invalid, match=message):
        embeds.parse(url)


def test_an_idn_host_is_kept_in_its_ascii_form_so_a_look_alike_shows():
    link = embeds.parse("https://раураl.com/login")  # Cyrillic letters that look like "paypal"
    assert link.host.startswith("xn--") and link.url == f"https://{link.host}/login" and link.embed is None
    assert embeds.parse("https://bücher.example/é").url == "https://xn--bcher-kva.example/%C3%A9"


def test_links_are_normalised():
    assert embeds.parse("  HTTPS://Example.ORG:443/a?b=c d#f".replace(" d", "")).url == "https://example.org/a?b=c#f"
    assert embeds.parse("http://example.org:8080").url == "http://example.org:8080/"
    assert embeds.parse("") is None and embeds.parse(None) is None and embeds.parse("   ") is None


def test_the_peertube_allow_list_comes_from_the_settings():
    settings = Settings.from_env({"COOPOL_PEERTUBE_HOSTS": "tube.parti.example, Video.Example.ORG"})
    assert settings.peertube_hosts == ("tube.parti.example", "video.example.org")
    link = embeds.parse(f"https://tube.parti.example/w/{UUID}", settings.peertube_hosts)
    assert link.embed.url == f"https://tube.parti.example/videos/embed/{UUID}"
    with pytest.raises(Invalid, match="instance non autorisée"):
        embeds.parse(f"https://framatube.org/w/{UUID}", settings.peertube_hosts)
    assert "https://tube.parti.example" in embeds.frame_sources(settings.peertube_hosts)
    assert Settings.from_env({}).peertube_hosts == embeds.DEFAULT_PEERTUBE_HOSTS


def test_a_stored_player_must_be_https():
    assert embeds.from_stored("youtube", "javascript:alert(1)") is None
    assert embeds.from_stored(None, None) is None
    assert embeds.from_stored("audio", "https://a.example/b.mp3") == Embed("audio", "https://a.example/b.mp3")
