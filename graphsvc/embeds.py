"""Links in posts, and the players they become: an allow-list, never user HTML.

`clean_url(raw)` checks a link a member typed (http or https, a real host name,
no `user@` part, no spaces or invisible characters, 2,000 characters at most)
and returns it normalised: the host lowercased and in ASCII (an IDN host
becomes its `xn--` form, so a look-alike host shows what it is).

`embed_for(url, peertube_hosts)` recognises the addresses of a few providers
and builds their **embed address from the validated id alone** (nothing else
of the member's URL reaches the page):

| provider | from | player |
|---|---|---|
| YouTube | `youtube.com/watch?v=ID`, `youtu.be/ID`, `/shorts/ID`, `/live/ID`, `/embed/ID` | `https://www.youtube-nocookie.com/embed/ID` |
| Vimeo | `vimeo.com/123`, `vimeo.com/123/abcdef` (unlisted) | `https://player.vimeo.com/video/123` |
| Dailymotion | `dailymotion.com/video/ID`, `dai.ly/ID` | `https://www.dailymotion.com/embed/video/ID` |
| SoundCloud | `soundcloud.com/artist/track`, `…/sets/name` | `https://w.soundcloud.com/player/?url=…` |
| PeerTube | `/videos/watch/UUID`, `/w/SHORTID` on an allowed instance | `https://HOST/videos/embed/ID` |
| audio / video | a direct `https://…/file.mp3` (`.ogg`, `.oga`, `.m4a`, `.opus`, `.wav`) / `.mp4` (`.webm`, `.ogv`) | `<audio>` / `<video controls>` |

A link on a provider's host whose id does not match (a YouTube link without a
valid 11-character id, a SoundCloud short link, a PeerTube video on an
instance outside the allow-list) is refused with a clear message: the member
meant a player and would get a broken one. Any other link stays a plain link.
Nothing is fetched server-side (no preview request, no SSRF): the preview is
what the address itself says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import parse_qs, quote, urlsplit

import idna

from graphsvc.config import PEERTUBE_HOSTS
from graphsvc.errors import Invalid

MAX_URL = 2000

# PeerTube instances whose videos become players; `COOPOL_PEERTUBE_HOSTS` replaces the list.
DEFAULT_PEERTUBE_HOSTS = PEERTUBE_HOSTS

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
                 "youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
DAILYMOTION_HOSTS = {"dailymotion.com", "www.dailymotion.com", "dai.ly"}
SOUNDCLOUD_HOSTS = {"soundcloud.com", "www.soundcloud.com", "m.soundcloud.com"}
SOUNDCLOUD_SHORT = {"on.soundcloud.com", "snd.sc"}

# The hosts the players come from, for the Content-Security-Policy's frame-src.
FRAME_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com", "www.dailymotion.com", "w.soundcloud.com")

AUDIO_TYPES = {"mp3": "audio/mpeg", "ogg": "audio/ogg", "oga": "audio/ogg", "opus": "audio/ogg",
               "m4a": "audio/mp4", "wav": "audio/wav"}
VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm", "ogv": "video/ogg"}

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_PATH = re.compile(r"/(?:video/)?(\d{1,12})(?:/([0-9a-f]{6,20}))?/?")
DAILYMOTION_ID = re.compile(r"x[0-9a-z]{4,12}|k[0-9A-Za-z]{10,24}")
SOUNDCLOUD_PART = re.compile(r"[a-z0-9_-]{1,100}")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
PEERTUBE_SHORT = re.compile(r"[1-9A-HJ-NP-Za-km-z]{20,24}")
LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
TLD = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
TIME = re.compile(r"(?:(\d{1,2})h)?(?:(\d{1,3})m)?(?:(\d{1,5})s?)?")


@dataclass(frozen=True)
class Embed:
    provider: str  # youtube, vimeo, dailymotion, soundcloud, peertube, audio, video
    url: str  # the player's address (iframe src) or the media file (audio/video src)

    @property
    def kind(self) -> str:
        """How the page shows it: "iframe", "audio" or "video"."""
        return self.provider if self.provider in ("audio", "video") else "iframe"

    @property
    def media_type(self) -> str | None:
        """The MIME type of a direct audio or video file."""
        if self.kind == "iframe":
            return None
        extension = urlsplit(self.url).path.rsplit(".", 1)[-1].lower()
        return {**AUDIO_TYPES, **VIDEO_TYPES}.get(extension)


@dataclass(frozen=True)
class Link:
    url: str  # the normalised link
    host: str  # its host, in ASCII
    embed: Embed | None


def _ascii_host(host: str) -> str:
    try:
        encoded = idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        raise Invalid("lien : nom de site invalide") from None
    labels = encoded.split(".")
    if len(encoded) > 253 or len(labels) < 2 or not TLD.fullmatch(labels[-1]) or not all(LABEL.fullmatch(x) for x in labels):
        raise Invalid("lien : nom de site invalide (un nom comme exemple.fr est attendu)")
    return encoded


def clean_url(raw: object) -> str | None:
    """A link as a member typed it, checked and normalised; None when empty."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise Invalid("lien : du texte")
    value = raw.strip()
    if not value:
        return None
    if len(value) > MAX_URL:
        raise Invalid(f"lien : {MAX_URL} caractères au plus")
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in value):
        raise Invalid("lien : espaces et caractères invisibles refusés")
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not value.lower().startswith(f"{scheme}://"):
        raise Invalid("lien : seules les adresses commençant par http:// ou https:// sont acceptées")
    if "@" in parts.netloc:
        raise Invalid("lien : une adresse avec « @ » avant le nom du site est refusée")
    host = (parts.hostname or "").rstrip(".")
    try:
        port = parts.port
    except ValueError:
        raise Invalid("lien : numéro de port invalide") from None
    if not host or "[" in parts.netloc:
        raise Invalid("lien : nom de site invalide (un nom comme exemple.fr est attendu)")
    ascii_host = _ascii_host(host)
    netloc = ascii_host if port in (None, 80 if scheme == "http" else 443) else f"{ascii_host}:{port}"
    safe = "/%:@!$&'()*+,;=-._~"
    path = quote(parts.path, safe=safe) or "/"
    url = f"{scheme}://{netloc}{path}"
    if parts.query:
        url += "?" + quote(parts.query, safe=safe + "?")
    if parts.fragment:
        url += "#" + quote(parts.fragment, safe=safe + "?#")
    if len(url) > MAX_URL:
        raise Invalid(f"lien : {MAX_URL} caractères au plus")
    return url


def parse(raw: object, peertube_hosts: Iterable[str] = DEFAULT_PEERTUBE_HOSTS) -> Link | None:
    """A member's link, normalised, with its player when it has one; None when empty."""
    url = clean_url(raw)
    if url is None:
        return None
    return Link(url=url, host=urlsplit(url).hostname or "", embed=embed_for(url, peertube_hosts))


def _start_seconds(query: dict[str, list[str]]) -> int | None:
    raw = (query.get("t") or query.get("start") or [""])[0]
    found = TIME.fullmatch(raw) if raw else None
    if not found or not any(found.groups()):
        return None
    hours, minutes, seconds = (int(g or 0) for g in found.groups())
    total = hours * 3600 + minutes * 60 + seconds
    return total or None


def _youtube(host: str, path: str, query: dict[str, list[str]]) -> Embed | None:
    if host == "youtu.be":
        video = path.strip("/")
    elif path in ("/watch", "/watch/"):
        video = (query.get("v") or [""])[0]
    else:
        found = re.fullmatch(r"/(?:shorts|live|embed|v)/([^/]*)/?", path)
        if not found:
            return None  # a channel, a playlist, the home page: an ordinary link
        video = found.group(1)
    if not YOUTUBE_ID.fullmatch(video):
        raise Invalid("lien YouTube non reconnu : donnez l'adresse d'une vidéo (youtube.com/watch?v=…, youtu.be/…)")
    start = _start_seconds(query)
    return Embed("youtube", f"https://www.youtube-nocookie.com/embed/{video}" + (f"?start={start}" if start else ""))


def _vimeo(path: str) -> Embed | None:
    if not re.match(r"/(?:video/)?\d", path):
        return None  # a channel, a member's page: an ordinary link
    found = VIMEO_PATH.fullmatch(path)
    if not found:
        raise Invalid("lien Vimeo non reconnu : donnez l'adresse d'une vidéo (vimeo.com/123456789)")
    video, secret = found.groups()
    return Embed("vimeo", f"https://player.vimeo.com/video/{video}" + (f"?h={secret}" if secret else ""))


def _dailymotion(host: str, path: str) -> Embed | None:
    if host != "dai.ly" and not re.match(r"/(?:embed/)?video/", path):
        return None
    found = re.fullmatch(r"/([^/]+)/?" if host == "dai.ly" else r"/(?:embed/)?video/([^/_]+)(?:_[^/]*)?/?", path)
    if not found or not DAILYMOTION_ID.fullmatch(found.group(1)):
        raise Invalid("lien Dailymotion non reconnu : donnez l'adresse d'une vidéo (dailymotion.com/video/x…)")
    return Embed("dailymotion", f"https://www.dailymotion.com/embed/video/{found.group(1)}")


def _soundcloud(path: str) -> Embed | None:
    parts = [p for p in path.split("/") if p]
    is_set = len(parts) == 3 and parts[1] == "sets"
    if not (len(parts) == 2 or is_set) or parts[1] in ("tracks", "albums", "likes", "reposts", "followers", "following", "popular-tracks"):
        return None  # an artist's page, a list: an ordinary link
    if not all(SOUNDCLOUD_PART.fullmatch(p) for p in parts):
        raise Invalid("lien SoundCloud non reconnu : donnez l'adresse d'un morceau ou d'une playlist (soundcloud.com/artiste/morceau)")
    canonical = "https://soundcloud.com/" + "/".join(parts)
    return Embed("soundcloud", "https://w.soundcloud.com/player/?url=" + quote(canonical, safe=""))


def _peertube(host: str, path: str, peertube_hosts: Iterable[str]) -> Embed | None:
    found = re.fullmatch(r"/(?:videos/(?:watch|embed)/([^/]+)|w/([^/]+))/?", path)
    if not found:
        return None
    video = found.group(1) or found.group(2)
    long_form = found.group(1) is not None
    if not (UUID.fullmatch(video) or PEERTUBE_SHORT.fullmatch(video)):
        if long_form:
            raise Invalid("lien PeerTube non reconnu : identifiant de vidéo invalide")
        return None  # "/w/…" on some site: an ordinary link
    if host not in set(peertube_hosts):
        if not long_form and not UUID.fullmatch(video):
            return None
        allowed = ", ".join(sorted(peertube_hosts)) or "aucune"
        raise Invalid(f"vidéo PeerTube d'une instance non autorisée ({host}) : instances acceptées : {allowed}")
    return Embed("peertube", f"https://{host}/videos/embed/{video}")


def embed_for(url: str, peertube_hosts: Iterable[str] = DEFAULT_PEERTUBE_HOSTS) -> Embed | None:
    """The player of a link normalised by `clean_url`, None for a plain link;
    `Invalid` when the link is a provider's but not a video or track it knows."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    path = parts.path
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS or host == "youtu.be":
        return _youtube(host, path, query)
    if host in VIMEO_HOSTS:
        return _vimeo(path)
    if host in DAILYMOTION_HOSTS:
        return _dailymotion(host, path)
    if host in SOUNDCLOUD_SHORT:
        raise Invalid("lien court SoundCloud : ouvrez-le puis copiez l'adresse complète (soundcloud.com/…)")
    if host in SOUNDCLOUD_HOSTS:
        return _soundcloud(path)
    peertube = _peertube(host, path, peertube_hosts)
    if peertube:
        return peertube
    extension = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    if extension in AUDIO_TYPES or extension in VIDEO_TYPES:
        if parts.scheme != "https":
            raise Invalid("fichier audio ou vidéo : seule une adresse https:// peut être lue dans la page")
        return Embed("audio" if extension in AUDIO_TYPES else "video", url)
    return None


def from_stored(provider: str | None, url: str | None) -> Embed | None:
    """The player of a stored post (provider and address written by `parse`)."""
    if not provider or not url or not url.startswith("https://"):
        return None
    return Embed(provider, url)


def frame_sources(peertube_hosts: Iterable[str] = DEFAULT_PEERTUBE_HOSTS) -> str:
    """The Content-Security-Policy sources of every player frame."""
    return " ".join(f"https://{host}" for host in (*FRAME_HOSTS, *sorted(peertube_hosts)))
