# The reference query in jq: GetObject requests and bytesTransferredOut per principal and source IP.
# Reads concatenated {"Records":[…]} documents (zcat FILES | jq -n -r -f read_totals.jq) and prints CSV
# rows principal,source_ip,requests,bytes (no header, unsorted). The principal rule is
# CallerIdentity.principal's: sessionIssuer.arn, arn, ANONYMOUS_PRINCIPAL, invokedBy, principalId, account:ID.
# Failed requests (errorCode set) count as requests and add no bytes; negative byte counts add nothing.

def present: select(. != null and . != "");

def principal:
  .userIdentity as $u
  | first(
      ($u.sessionContext.sessionIssuer.arn | present),
      ($u.arn | present),
      (if ($u.accountId == "ANONYMOUS_PRINCIPAL" or $u.type == "AnonymousPrincipal") then "ANONYMOUS_PRINCIPAL" else empty end),
      ($u.invokedBy | present),
      ($u.principalId | present),
      ($u.accountId | present | "account:" + .),
      "unknown");

def bytes_out:
  if ((.errorCode // "") != "") then 0
  else ((.additionalEventData.bytesTransferredOut // 0) | tonumber | floor | if . < 0 then 0 else . end)
  end;

reduce (inputs | .Records[]? | select(.eventName == "GetObject")) as $r
  ({};
   ([($r | principal), ($r.sourceIPAddress // "")] | tojson) as $key
   | .[$key] = [((.[$key][0]) // 0) + 1, ((.[$key][1]) // 0) + ($r | bytes_out)])
| to_entries[]
| (.key | fromjson) + .value
| @csv
