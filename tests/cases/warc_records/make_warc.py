"""Write a small WARC crawl as Common Crawl does: warcinfo, request, responses (UTF-8 HTML,
windows-1256 HTML, chunked body, a 404, an image), a WET conversion record; then gzip it per
record, and cut a copy short."""
import gzip, itertools

serial = itertools.count(1)

def record(kind, uri, block, ctype="application/http; msgtype=response"):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2022-11-29T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{next(serial):08d}-0000-4000-8000-000000000000>\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"

def http(body, ctype="text/html; charset=UTF-8", status="200 OK", extra=""):
    return (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra}\r\n").encode() + body

page = ("<html><head><title>Leader meets Iraqi President</title><script>var x=1;</script></head>"
        "<body><nav>Home | News</nav><h1>Leader meets Iraqi President</h1>"
        "<p>Ayatollah Khamenei met Abdul Latif Rashid in Tehran.</p><p>They discussed 8 years of war.</p>"
        "<footer>Copyright</footer></body></html>").encode()
arabic = "<html><head><title>لقاء</title></head><body><p>أكد شمخاني دعم سيادة العراق.</p></body></html>"
body = page
chunked = hex(len(body))[2:].encode() + b"\r\n" + body + b"\r\n0\r\n\r\n"
recs = [
    record("warcinfo", "", b"software: test\r\n", "application/warc-fields"),
    record("request", "https://example.org/a", b"GET /a HTTP/1.1\r\n\r\n", "application/http; msgtype=request"),
    record("response", "https://example.org/a", http(page)),
    record("response", "https://example.org/ar", http(arabic.encode("cp1256"), "text/html; charset=windows-1256")),
    record("response", "https://example.org/chunked", http(chunked, extra="Transfer-Encoding: chunked\r\n")),
    record("response", "https://example.org/missing", http(b"<p>not found</p>", status="404 Not Found")),
    record("response", "https://example.org/logo.png", http(b"\x89PNG....", "image/png")),
    record("conversion", "https://example.org/wet", "Plain text of a WET record.\nSecond line.".encode(), "text/plain"),
]
open("crawl.warc", "wb").write(b"".join(recs))
with open("crawl.warc.gz", "wb") as f:
    for r in recs:
        f.write(gzip.compress(r))
data = open("crawl.warc.gz", "rb").read()
open("cut.warc.gz", "wb").write(data[: len(data) - 40])
