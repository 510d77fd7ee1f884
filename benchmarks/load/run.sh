#!/usr/bin/env bash
# Loopback load harness (the benchmarks issue): wrk against nginx, Jetty 12 and Turnpike on 127.0.0.1, plain HTTP
# on every row, each row at 1 and 64 connections; writes the table into docs/performance.md between the
# "load harness" markers. Run by hand from the repository root, after building the benchmarks jar:
#
#   mvn -q -o package -pl benchmarks -am -DskipTests && benchmarks/load/run.sh
#
# Bounded: 10 rows x 2 connection counts x (WARMUP + DURATION) seconds, about 5.5 minutes at the defaults.
# WARMUP=5 DURATION=10 override the seconds; DOC=path writes elsewhere (DOC=/dev/null to only print).
set -euo pipefail

WARMUP=${WARMUP:-5}
DURATION=${DURATION:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/benchmarks/target/benchmarks.jar"
DOC=${DOC:-$ROOT/docs/performance.md}
BODY='{"id": 1, "type": "dog", "name": "Rex"}'   # the same bytes as LoadTargets.BODY
API_KEY='bench-key-0123456789abcdef'             # LoadTargets.API_KEY

need() {
    command -v "$1" >/dev/null || { echo "installing $2" >&2; apt-get install -y -q "$2" >/dev/null; }
}
need wrk wrk
need nginx nginx
need curl curl
[ -f "$JAR" ] || { echo "no $JAR: mvn -q -o package -pl benchmarks -am -DskipTests" >&2; exit 1; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
BACKEND=$(free_port); NGINX_PROXY=$(free_port); SERVLET=$(free_port); PROXY_SERVLET=$(free_port)
TURNPIKE=$(free_port)

TMP=$(mktemp -d)
NGINX_PID=""; JAVA_PID=""
stop() {
    exec 3>&- 2>/dev/null || true
    [ -n "$JAVA_PID" ] && kill "$JAVA_PID" 2>/dev/null || true
    [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$TMP"
}
trap stop EXIT

# nginx: the backend (a fixed body) and a keep-alive reverse proxy in front of it, one process, two ports.
cat > "$TMP/nginx.conf" <<EOF
worker_processes auto;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $TMP/body; proxy_temp_path $TMP/proxy;
    fastcgi_temp_path $TMP/fastcgi; uwsgi_temp_path $TMP/uwsgi; scgi_temp_path $TMP/scgi;
    server {
        listen 127.0.0.1:$BACKEND;
        location / { default_type application/json; return 200 '$BODY'; }
    }
    upstream backend { server 127.0.0.1:$BACKEND; keepalive 64; }
    server {
        listen 127.0.0.1:$NGINX_PROXY;
        location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
    }
}
EOF
nginx -p "$TMP" -c "$TMP/nginx.conf" -e "$TMP/nginx-error.log" -g 'daemon off;' &
NGINX_PID=$!

# Jetty 12: a bare servlet, ProxyServlet and Turnpike, in one JVM that stops when its standard input closes.
mkfifo "$TMP/java-in"
java -Xms512m -Xmx512m -cp "$JAR" dev.turnpike.benchmarks.load.LoadTargets "http://127.0.0.1:$BACKEND" \
    "$SERVLET" "$PROXY_SERVLET" "$TURNPIKE" < "$TMP/java-in" > "$TMP/java.log" 2>&1 &
JAVA_PID=$!
exec 3> "$TMP/java-in"
for _ in $(seq 1 120); do
    grep -q '^ready' "$TMP/java.log" && break
    kill -0 "$JAVA_PID" 2>/dev/null || { cat "$TMP/java.log" >&2; exit 1; }
    sleep 0.5
done
grep -q '^ready' "$TMP/java.log" || { echo "Jetty did not start:" >&2; cat "$TMP/java.log" >&2; exit 1; }

# name | baseline (row name whose RPS and p99 this row is compared with) | url | extra header
ROWS=(
    "nginx, direct (the backend)||http://127.0.0.1:$BACKEND/|"
    "nginx reverse proxy|nginx, direct (the backend)|http://127.0.0.1:$NGINX_PROXY/|"
    "Jetty 12 bare servlet|nginx, direct (the backend)|http://127.0.0.1:$SERVLET/|"
    "Jetty 12 ProxyServlet|nginx reverse proxy|http://127.0.0.1:$PROXY_SERVLET/|"
    "Jetty 12 async servlet + AWS's id headers (bound for MOCK)|Jetty 12 bare servlet|http://127.0.0.1:$SERVLET/async-aws/|"
    "Jetty 12 servlet + JDK HttpClient (bound for HTTP_PROXY)|Jetty 12 ProxyServlet|http://127.0.0.1:$SERVLET/jdk-proxy/|"
    "Turnpike MOCK|Jetty 12 bare servlet|http://127.0.0.1:$TURNPIKE/plain/bench/mock|"
    "Turnpike HTTP_PROXY|Jetty 12 ProxyServlet|http://127.0.0.1:$TURNPIKE/plain/bench/proxy|"
    "Turnpike HTTP_PROXY + key + throttle + parameter mapping|Jetty 12 ProxyServlet|http://127.0.0.1:$TURNPIKE/full/bench/keyed|x-api-key: $API_KEY"
    "Turnpike HTTP + key + throttle + request template|Jetty 12 ProxyServlet|http://127.0.0.1:$TURNPIKE/full/bench/templated|x-api-key: $API_KEY"
)

# Every row answers 200 with the same body before anything is measured.
for row in "${ROWS[@]}"; do
    IFS='|' read -r name _ url header <<< "$row"
    got=$(curl -s -H 'X-Forwarded-Proto: https' ${header:+-H "$header"} -w '\n%{http_code}' "$url")
    if [ "$got" != "$BODY"$'\n'"200" ]; then
        echo "$name ($url) answered: $got" >&2; exit 1
    fi
done

# wrk's "50%  123.45us" to microseconds.
to_us() {
    awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); print v } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v * 1000 }
           else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000000 } }'
}

# One measurement: WARMUP seconds discarded, then DURATION seconds measured; prints "rps p50us p99us errors".
measure() {
    local connections=$1 url=$2 header=$3 threads=1
    [ "$connections" -gt 1 ] && threads=2
    local args=(-t"$threads" -c"$connections" --latency -H 'X-Forwarded-Proto: https')
    [ -n "$header" ] && args+=(-H "$header")
    wrk "${args[@]}" -d"${WARMUP}s" "$url" > /dev/null
    local out
    out=$(wrk "${args[@]}" -d"${DURATION}s" "$url")
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' <<< "$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<< "$out" | to_us)
    p99=$(awk '$1 == "99%" { print $2 }' <<< "$out" | to_us)
    errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { for (i = 4; i <= NF; i += 2) n += $i }
                  END { print n + 0 }' <<< "$out")
    echo "$rps $p50 $p99 $errors"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
declare -A RESULT
# Alternating order: 1 connection front to back, 64 connections back to front, so no row always runs first
# (coldest JIT) or last (busiest machine).
for connections in 1 64; do
    order=$(seq 0 $((${#ROWS[@]} - 1)))
    [ "$connections" -eq 64 ] && order=$(seq $((${#ROWS[@]} - 1)) -1 0)
    for i in $order; do
        IFS='|' read -r name _ url header <<< "${ROWS[$i]}"
        RESULT[$i,$connections]=$(measure "$connections" "$url" "$header")
        echo "$connections conn: $name: ${RESULT[$i,$connections]}" >&2
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

index_of() {
    local i
    for i in "${!ROWS[@]}"; do
        [ "${ROWS[$i]%%|*}" = "$1" ] && { echo "$i"; return; }
    done
}

field() { # field <row> <connections> <1=rps 2=p50 3=p99 4=errors>
    awk -v f="$3" '{ print $f }' <<< "${RESULT[$1,$2]}"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }'; }
us() { awk -v v="$1" 'BEGIN { if (v >= 1000) printf "%.2f ms", v / 1000; else printf "%.0f µs", v }'; }

table() {
    echo "Measured $STARTED on \`$(hostname)\`: $(nproc) cores ($(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2 }')),"
    echo "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo) GiB, $(java -version 2>&1 | head -1 | tr -d '"'),"
    echo "$(nginx -v 2>&1 | sed 's/.*: //'), wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }'). Load average (1, 5, 15 min) $LOAD_BEFORE before, $LOAD_AFTER"
    echo "after; wrk, nginx and the JVM share the machine's cores."
    echo "Plain HTTP on every row (Turnpike trusts \`X-Forwarded-Proto: https\`, which every row is sent). Each"
    echo "row: ${WARMUP} s warm-up, then ${DURATION} s measured; wrk -t1 at 1 connection, -t2 at 64; 1 connection"
    echo "front to back, 64 back to front."
    echo
    echo "| row | 1 conn RPS | p50 | p99 | 64 conn RPS | p50 | p99 | errors | compared with | RPS ratio 1 / 64 conn | p99 ratio 64 conn | added p50, 1 conn, over direct |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
    local direct_p50 i name baseline b errors
    direct_p50=$(field 0 1 2)
    for i in "${!ROWS[@]}"; do
        IFS='|' read -r name baseline _ _ <<< "${ROWS[$i]}"
        errors=$(( $(field "$i" 1 4) + $(field "$i" 64 4) ))
        printf '| %s | %s | %s | %s | %s | %s | %s | %s |' "$name" \
            "$(field "$i" 1 1)" "$(us "$(field "$i" 1 2)")" "$(us "$(field "$i" 1 3)")" \
            "$(field "$i" 64 1)" "$(us "$(field "$i" 64 2)")" "$(us "$(field "$i" 64 3)")" "$errors"
        if [ -n "$baseline" ]; then
            b=$(index_of "$baseline")
            printf ' %s | %s / %s | %s | %s |\n' "$baseline" \
                "$(ratio "$(field "$i" 1 1)" "$(field "$b" 1 1)")" "$(ratio "$(field "$i" 64 1)" "$(field "$b" 64 1)")" \
                "$(ratio "$(field "$i" 64 3)" "$(field "$b" 64 3)")" \
                "$(us "$(awk -v a="$(field "$i" 1 2)" -v b="$direct_p50" 'BEGIN { print a - b }')")"
        else
            printf ' — | — | — | — |\n'
        fi
    done
    local nginx_proxy keyed
    nginx_proxy=$(index_of "nginx reverse proxy")
    keyed=$(index_of "Turnpike HTTP_PROXY + key + throttle + parameter mapping")
    local mock plain jdk async
    mock=$(index_of "Turnpike MOCK")
    plain=$(index_of "Turnpike HTTP_PROXY")
    jdk=$(index_of "Jetty 12 servlet + JDK HttpClient (bound for HTTP_PROXY)")
    async=$(index_of "Jetty 12 async servlet + AWS's id headers (bound for MOCK)")
    echo
    echo "Turnpike HTTP_PROXY + key + throttle over nginx reverse proxy, 64 connections (stretch goal 0.6):"
    echo "$(ratio "$(field "$keyed" 64 1)" "$(field "$nginx_proxy" 64 1)")."
    echo
    echo "Against their bounds, RPS at 1 / 64 connections: Turnpike HTTP_PROXY over the JDK HttpClient proxy"
    echo "$(ratio "$(field "$plain" 1 1)" "$(field "$jdk" 1 1)") / $(ratio "$(field "$plain" 64 1)" "$(field "$jdk" 64 1)");"
    echo "keyed HTTP_PROXY over it $(ratio "$(field "$keyed" 1 1)" "$(field "$jdk" 1 1)") / $(ratio "$(field "$keyed" 64 1)" "$(field "$jdk" 64 1)");"
    echo "the JDK HttpClient proxy over ProxyServlet $(ratio "$(field "$jdk" 1 1)" "$(field "$(index_of "Jetty 12 ProxyServlet")" 1 1)") / $(ratio "$(field "$jdk" 64 1)" "$(field "$(index_of "Jetty 12 ProxyServlet")" 64 1)");"
    echo "Turnpike MOCK over the async servlet with AWS's headers $(ratio "$(field "$mock" 1 1)" "$(field "$async" 1 1)") / $(ratio "$(field "$mock" 64 1)" "$(field "$async" 64 1)")."
}

TABLE=$(table)
echo "$TABLE"
if [ "$DOC" != /dev/null ]; then
    BEGIN='<!-- load harness: begin (benchmarks/load/run.sh writes this section) -->'
    END='<!-- load harness: end -->'
    grep -qF "$BEGIN" "$DOC" || { echo "no '$BEGIN' marker in $DOC" >&2; exit 1; }
    echo "$TABLE" > "$TMP/table"
    awk -v begin="$BEGIN" -v end="$END" -v table="$TMP/table" '
        $0 == begin { print; while ((getline line < table) > 0) print line; skip = 1; next }
        $0 == end { skip = 0 }
        !skip { print }' "$DOC" > "$TMP/doc" && cat "$TMP/doc" > "$DOC"
    echo "written to $DOC" >&2
fi
