#!/usr/bin/env python3
"""The reference query in DuckDB, run by Benchmarks/bench.py as its own process (so its time and memory
are measured alone): GetObject requests and bytesTransferredOut per principal and source IP, written as
CSV (principal,source_ip,requests,bytes, header line, sorted).

  --mode best   read_json with the few columns the query needs declared (CloudTrail files are
                {"Records":[…]}: one object per file, its Records unnested)
  --mode auto   read_json with the schema DuckDB infers from a sample; fields the sample lacks are NULL
  --mode stats  prints {"events":…, "principals":…, "sourceIPs":…} of every record (corpus description)

The principal rule is CallerIdentity.principal's (Sources/S3HoundCore/CallerIdentity.swift):
sessionIssuer.arn, else arn, else ANONYMOUS_PRINCIPAL, else invokedBy, else principalId, else
account:<accountId>, else unknown (empty strings count as missing). Failed requests (errorCode set) are
requests that add no bytes; negative byte counts add nothing — as the hunt's accumulator counts them.
"""
import argparse
import json
import sys

import duckdb

# The fields of a record the query reads, as a DuckDB type.
BEST_RECORD = ('STRUCT(eventName VARCHAR, sourceIPAddress VARCHAR, errorCode VARCHAR, '
               'userIdentity STRUCT("type" VARCHAR, arn VARCHAR, accountId VARCHAR, principalId VARCHAR, '
               'invokedBy VARCHAR, sessionContext STRUCT(sessionIssuer STRUCT(arn VARCHAR))), '
               'additionalEventData STRUCT(bytesTransferredOut DOUBLE))')
BEST_COLUMNS = "{'Records': '" + BEST_RECORD + "[]'}"

# CloudTrail delivers files of up to tens of MB, each one JSON object.
MAXIMUM_OBJECT_SIZE = 1 << 30


def principal_expression(fields):
    """The principal rule over record `r`; `fields` holds the dotted paths that exist (others are NULL)."""
    def field(path):
        return "r." + ".".join(f'"{part}"' for part in path.split(".")) if path in fields else "NULL::VARCHAR"
    issuer, arn = field("userIdentity.sessionContext.sessionIssuer.arn"), field("userIdentity.arn")
    account, kind = field("userIdentity.accountId"), field("userIdentity.type")
    invoked, principal_id = field("userIdentity.invokedBy"), field("userIdentity.principalId")
    return f"""CASE
      WHEN coalesce({issuer}, '') <> '' THEN {issuer}
      WHEN coalesce({arn}, '') <> '' THEN {arn}
      WHEN {account} = 'ANONYMOUS_PRINCIPAL' OR {kind} = 'AnonymousPrincipal' THEN 'ANONYMOUS_PRINCIPAL'
      WHEN coalesce({invoked}, '') <> '' THEN {invoked}
      WHEN coalesce({principal_id}, '') <> '' THEN {principal_id}
      WHEN coalesce({account}, '') <> '' THEN 'account:' || {account}
      ELSE 'unknown' END"""


def totals_query(source, fields):
    def field(path):
        return "r." + ".".join(f'"{part}"' for part in path.split(".")) if path in fields else "NULL"
    bytes_out = f"CAST({field('additionalEventData.bytesTransferredOut')} AS BIGINT)"
    return f"""
    WITH e AS (SELECT unnest(Records) AS r FROM {source})
    SELECT {principal_expression(fields)} AS principal,
           coalesce({field('sourceIPAddress')}, '') AS source_ip,
           count(*) AS requests,
           sum(CASE WHEN coalesce({field('errorCode')}, '') = '' THEN greatest(coalesce({bytes_out}, 0), 0) ELSE 0 END) AS bytes
    FROM e WHERE {field('eventName')} = 'GetObject'
    GROUP BY ALL ORDER BY principal, source_ip"""


def struct_paths(type_text, prefix=""):
    """Dotted paths of the fields of a DuckDB STRUCT type, as DESCRIBE prints it."""
    paths, depth, start, name = set(), 0, 0, None
    inner = type_text[type_text.index("(") + 1:type_text.rindex(")")]
    i = 0
    while i <= len(inner):
        c = inner[i] if i < len(inner) else ","
        if c == '"' and depth == 0:
            end = inner.index('"', i + 1)
            i = end + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "," and depth == 0:
            member = inner[start:i].strip()
            if member:
                key, _, kind = member.partition(" ")
                key = key.strip('"')
                paths.add(prefix + key)
                if kind.startswith("STRUCT(") and not kind.endswith("[]"):
                    paths |= struct_paths(kind, prefix + key + ".")
            start = i + 1
        i += 1
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["best", "auto", "stats"], required=True)
    parser.add_argument("--glob", required=True, help="the CloudTrail .json.gz files")
    parser.add_argument("--out", help="CSV to write (best, auto)")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    con = duckdb.connect()
    con.execute(f"SET threads = {args.threads}")
    glob = args.glob.replace("'", "''")
    if args.mode == "auto":
        source = f"read_json('{glob}', maximum_object_size = {MAXIMUM_OBJECT_SIZE})"
        described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
        records = next((kind for name, kind, *_ in described if name == "Records"), None)
        if records is None or not records.startswith("STRUCT("):
            sys.exit(f"duckdb auto: Records was inferred as {records!r}, not a list of structs")
        fields = struct_paths(records[:-2] if records.endswith("[]") else records)
    else:
        source = f"read_json('{glob}', columns = {BEST_COLUMNS}, records = true, maximum_object_size = {MAXIMUM_OBJECT_SIZE})"
        fields = struct_paths(BEST_RECORD)

    if args.mode == "stats":
        row = con.execute(f"""
            WITH e AS (SELECT unnest(Records) AS r FROM {source})
            SELECT count(*), count(DISTINCT {principal_expression(fields)}), count(DISTINCT r.sourceIPAddress) FROM e""").fetchone()
        print(json.dumps({"events": row[0], "principals": row[1], "sourceIPs": row[2]}))
        return
    out = args.out.replace("'", "''")
    con.execute(f"COPY ({totals_query(source, fields)}) TO '{out}' (HEADER, DELIMITER ',')")


if __name__ == "__main__":
    main()
