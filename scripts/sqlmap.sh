#!/usr/bin/env bash
# npm run security:sqlmap: start Shequ on a free port with a throw-away PGlite and a small demo city, sign
# in as the community worker `chengdong`, and run sqlmap (batch, level 2, risk 1, one thread) against the
# authenticated GET endpoints that take query or path parameters. Exits 1 when sqlmap finds an
# injectable parameter, 2 when the run itself fails.
#
# Environment: SEED_RESIDENTS (default 500), SQLMAP_LEVEL (2), SQLMAP_RISK (1), SQLMAP_KEEP=1 keeps the
# sqlmap output directory, SQLMAP_TARGETS to replace the default target list (space-separated paths;
# `{resident}` and `{household}` are replaced with ids from the demo city, `*` marks a path parameter).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

level="${SQLMAP_LEVEL:-2}"
risk="${SQLMAP_RISK:-1}"
password="${DEMO_PASSWORD:-Shequ@2026}"

if ! command -v sqlmap >/dev/null 2>&1; then
  echo "sqlmap is missing; installing it with apt-get…"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y sqlmap || { apt-get update && apt-get install -y sqlmap; }
  else
    sudo apt-get install -y sqlmap || { sudo apt-get update && sudo apt-get install -y sqlmap; }
  fi
fi
command -v curl >/dev/null 2>&1 || { echo "curl is needed" >&2; exit 2; }

port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})")"
base="http://127.0.0.1:${port}"
work="$(mktemp -d "${TMPDIR:-/tmp}/shequ-sqlmap-XXXXXX")"
server_pid=""

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  if [ "${SQLMAP_KEEP:-0}" = "1" ]; then echo "Kept ${work}"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The server's own PGlite in a fresh directory, whatever DATABASE_URL the caller has; sign-in is not
# throttled (sqlmap signs in once, but a rerun in the same minute must not be refused).
echo "Starting Shequ on ${base} (data in ${work}/data, ${SEED_RESIDENTS:-500} residents)…"
env -u DATABASE_URL -u SHEQU_KEY -u KEY_FILE \
  NODE_ENV=production PORT="$port" HOST=127.0.0.1 DATA_DIR="${work}/data" SEED_DEMO=auto \
  SEED_RESIDENTS="${SEED_RESIDENTS:-500}" LOG_LEVEL=warn LOGIN_RATE_LIMIT=100000 SEARCH_RATE_LIMIT=100000 PERSONAL_READ_BUDGET=100000 LOOKUP_LIMIT_PER_HOUR=100000 LOOKUP_MISSES_PER_HOUR=100000 DEMO_PASSWORD="$password" \
  node --import tsx server/main.ts >"${work}/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 600); do
  if curl -fsS "${base}/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "The server exited before it was ready:" >&2
    cat "${work}/server.log" >&2
    exit 2
  fi
  sleep 0.5
done
curl -fsS "${base}/api/health" >/dev/null || { echo "The server did not become healthy" >&2; cat "${work}/server.log" >&2; exit 2; }

# Sign in: the session cookie is all a GET needs (CSRF tokens guard state-changing methods only).
curl -fsS -c "${work}/cookies" -H 'content-type: application/json' \
  -d "{\"username\":\"chengdong\",\"password\":\"${password}\"}" "${base}/api/auth/login" >/dev/null
sid="$(awk '$6 == "shequ_sid" { print $7 }' "${work}/cookies")"
[ -n "$sid" ] || { echo "Sign-in as chengdong gave no session cookie" >&2; exit 2; }
cookie="shequ_sid=${sid}"

first_id() {
  curl -fsS -H "cookie: ${cookie}" "${base}$1" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const i=JSON.parse(s).items;if(!i.length)process.exit(1);console.log(i[0].id)})"
}
resident="$(first_id '/api/residents?pageSize=1')"
household="$(first_id '/api/households?pageSize=1')"

default_targets=(
  "/api/residents?q=wang&sex=M&pageSize=20&sort=name"
  "/api/households?q=%E8%B7%AF&pageSize=20"
  "/api/residents/{resident}*"
  "/api/households/{household}*"
)
if [ -n "${SQLMAP_TARGETS:-}" ]; then read -r -a targets <<<"$SQLMAP_TARGETS"; else targets=("${default_targets[@]}"); fi

injectable=()
failed=()
verdicts=()
for target in "${targets[@]}"; do
  path="${target//\{resident\}/$resident}"
  path="${path//\{household\}/$household}"
  echo
  echo "== sqlmap ${path}"
  log="${work}/sqlmap-$(echo "$path" | tr -c 'A-Za-z0-9' '_').txt"
  set +e
  # --ignore-code=401: level 2 also mangles the session cookie, which the server answers with 401; without
  # it sqlmap stops at the cookie instead of finishing the target.
  sqlmap -u "${base}${path}" --cookie="${cookie}" --batch --level="$level" --risk="$risk" --dbms=PostgreSQL \
    --threads=1 --flush-session --ignore-code=401 --output-dir="${work}/sqlmap" --disable-coloring 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  tested="$(grep -oE "testing for SQL injection on [A-Za-z]+ parameter '[^']+'" "$log" | sed -E "s/testing for SQL injection on //" | paste -sd, - || true)"
  if grep -qE "identified the following injection point|is vulnerable\. Do you want|appears to be '.*' injectable" "$log"; then
    injectable+=("$path")
    verdicts+=("INJECTABLE  ${path}  [${tested}]")
  elif [ "$status" -ne 0 ] || ! grep -q "all tested parameters do not appear to be injectable" "$log"; then
    # Only sqlmap's closing verdict counts: a run that stopped early (401, connection refused) tested too little.
    failed+=("$path (sqlmap exit ${status})")
    verdicts+=("UNFINISHED  ${path}  [${tested}]")
  else
    verdicts+=("clean       ${path}  [${tested}]")
  fi
done

# The session must still be valid at the end: otherwise sqlmap was testing the sign-in wall, not the routes.
me="$(curl -s -o /dev/null -w '%{http_code}' -H "cookie: ${cookie}" "${base}/api/auth/me")"

echo
echo "== sqlmap summary (level ${level}, risk ${risk}, $(sqlmap --version 2>/dev/null | head -1))"
for v in "${verdicts[@]}"; do echo "  ${v}"; done
if [ "$me" != "200" ]; then
  echo "  the session ended during the run (/api/auth/me answered ${me}): the results are not meaningful" >&2
  exit 2
fi
if [ "${#injectable[@]}" -gt 0 ]; then
  for p in "${injectable[@]}"; do echo "  INJECTABLE: ${p}"; done
  SQLMAP_KEEP=1
  exit 1
fi
if [ "${#failed[@]}" -gt 0 ]; then
  for p in "${failed[@]}"; do echo "  sqlmap did not finish: ${p}"; done
  exit 2
fi
echo "  no parameter is injectable"
