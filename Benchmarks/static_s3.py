#!/usr/bin/env python3
"""A minimal read-only S3 for the benchmark: one bucket served from a directory on 127.0.0.1.

It answers only what `s3hound hunt s3://` sends — ListObjectsV2 (`GET /BUCKET?list-type=2&prefix=…`, 1,000
keys a page with continuation tokens) and GetObject (`GET /BUCKET/KEY`), path-style, in S3's XML and byte
formats — and checks no signatures. It exists because moto_server, a faithful S3 written in Python, serves
about 160 objects a second: hunting from it measures moto. This server serves thousands a second, so the
row shows whether s3hound keeps both cores busy when the network keeps up. Each connection is served by a
forked process (threads would queue on Python's GIL), so its CPU is the server's and its children's.
Not for tests (they use moto).

  python3 Benchmarks/static_s3.py --root DIR --bucket bench --port 8000
"""
import argparse
import html
import os
import urllib.parse
import socketserver
from http.server import BaseHTTPRequestHandler, HTTPServer


def make_handler(root, bucket, keys):
    """A request handler serving `keys` (sorted relative paths under `root`) as the objects of `bucket`."""
    known = frozenset(keys)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as S3
        # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the client's
        # delayed ACK hold each response ~40 ms.
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def send(self, status, body, content_type="application/xml"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            path = urllib.parse.unquote(url.path)
            query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
            if path == f"/{bucket}" and query.get("list-type") == "2":
                return self.list(query)
            if path.startswith(f"/{bucket}/"):
                key = path[len(bucket) + 2:]
                file = os.path.join(root, key)
                if key in known:
                    with open(file, "rb") as f:
                        return self.send(200, f.read(), "application/octet-stream")
            body = b"<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"
            self.send(404, body)

        def list(self, query):
            prefix = query.get("prefix", "")
            start = query.get("continuation-token") or query.get("start-after") or ""
            limit = min(int(query.get("max-keys", "1000")), 1000)
            matching = [k for k in keys if k.startswith(prefix) and k > start]
            page, truncated = matching[:limit], len(matching) > limit
            parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
                     f"<Name>{bucket}</Name><Prefix>{html.escape(prefix)}</Prefix><KeyCount>{len(page)}</KeyCount>"
                     f"<MaxKeys>{limit}</MaxKeys><IsTruncated>{'true' if truncated else 'false'}</IsTruncated>"]
            for key in page:
                size = os.path.getsize(os.path.join(root, key))
                parts.append(f"<Contents><Key>{html.escape(key)}</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>"
                             f'<ETag>"0"</ETag><Size>{size}</Size><StorageClass>STANDARD</StorageClass></Contents>')
            if truncated:
                parts.append(f"<NextContinuationToken>{html.escape(page[-1])}</NextContinuationToken>")
            parts.append("</ListBucketResult>")
            self.send(200, "".join(parts).encode())

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True, help="the directory served as the bucket's keys")
    parser.add_argument("--bucket", default="bench")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    keys = sorted(os.path.relpath(os.path.join(folder, name), args.root)
                  for folder, _, names in os.walk(args.root) for name in names)
    server = ForkingHTTPServer(("127.0.0.1", args.port), make_handler(args.root, args.bucket, keys))
    server.serve_forever(poll_interval=0.05)


class ForkingHTTPServer(socketserver.ForkingMixIn, HTTPServer):
    """One process per connection: keep-alive connections are few (one per download in flight)."""
    block_on_close = False
    max_children = 512  # the default 40 would leave further keep-alive connections unanswered
    request_queue_size = 128  # the default 5 drops the SYNs of a burst of connections (a 1 s retransmit each)


if __name__ == "__main__":
    main()
