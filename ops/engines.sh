#!/usr/bin/env bash
# Ronda local engines: one Kafka node (KRaft, broker + controller) and one Elasticsearch node,
# both real, both from Maven Central, both on 127.0.0.1 only, no Docker.
#
#   ops/engines.sh up              download on first use (cached), start both, wait until they answer
#   ops/engines.sh down [--wipe]   stop both (TERM, 30 s, then KILL); --wipe also deletes their data
#   ops/engines.sh wipe            same as down --wipe
#   ops/engines.sh status          one line per engine; exit 0 if both run, 3 otherwise
#   ops/engines.sh kafka-run CLASS [ARGS...]
#                                  run a Kafka tool from the cached jars, e.g.
#                                  kafka-run org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:19092 --list
#
# Environment (all optional):
#   RONDA_CACHE                  downloads, default $HOME/.cache/ronda (outside git; reused, no network)
#   RONDA_STATE                  runtime state root, default <repo>/.ronda (state goes to .../engines/)
#   RONDA_KAFKA_PORT             broker port, default 19092
#   RONDA_KAFKA_CONTROLLER_PORT  KRaft controller port, default 19093
#   RONDA_KAFKA_HEAP             Kafka heap, default 512m
#   RONDA_KAFKA_JAVA_HOME        JDK for Kafka (>= 17), default: `java` on PATH if >= 17
#   RONDA_ES_PORT                Elasticsearch HTTP port, default 19200
#   RONDA_ES_TRANSPORT_PORT      Elasticsearch transport port, default 19300
#   RONDA_ES_HEAP                Elasticsearch heap, default 768m
#   RONDA_ES_JAVA_HOME           JDK for Elasticsearch (>= 21), default: newest >= 21 in /usr/lib/jvm
#   RONDA_ES_USER                user that runs Elasticsearch when this runs as root, default ronda-es
#   RONDA_MIN_FREE_MB            free disk needed in the cache and state folders, default 2048
set -euo pipefail

readonly KAFKA_VERSION=4.1.1
readonly ES_VERSION=9.2.8
readonly DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

SCRIPT_DIR=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd -P -- "$SCRIPT_DIR/.." && pwd -P)
ENGINES_FILES="$SCRIPT_DIR/engines"

CACHE_DIR=${RONDA_CACHE:-${HOME:-/root}/.cache/ronda}
STATE_ROOT=${RONDA_STATE:-$REPO_ROOT/.ronda}
# relative overrides are taken from the caller's cwd (the engines run in other folders)
case "$CACHE_DIR" in /*) ;; *) CACHE_DIR="$PWD/$CACHE_DIR" ;; esac
case "$STATE_ROOT" in /*) ;; *) STATE_ROOT="$PWD/$STATE_ROOT" ;; esac
STATE_DIR="$STATE_ROOT/engines"

KAFKA_PORT=${RONDA_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${RONDA_KAFKA_CONTROLLER_PORT:-19093}
KAFKA_HEAP=${RONDA_KAFKA_HEAP:-512m}
ES_PORT=${RONDA_ES_PORT:-19200}
ES_TRANSPORT_PORT=${RONDA_ES_TRANSPORT_PORT:-19300}
ES_HEAP=${RONDA_ES_HEAP:-768m}
ES_USER_NAME=${RONDA_ES_USER:-ronda-es}
MIN_FREE_MB=${RONDA_MIN_FREE_MB:-2048}
KAFKA_READY_TIMEOUT=120
ES_READY_TIMEOUT=180
STOP_TIMEOUT=30

KAFKA_CACHE="$CACHE_DIR/kafka-$KAFKA_VERSION"
KAFKA_LIB="$KAFKA_CACHE/lib"
ES_CACHE="$CACHE_DIR/elasticsearch-$ES_VERSION"

KAFKA_STATE="$STATE_DIR/kafka"
KAFKA_CONF="$KAFKA_STATE/config/server.properties"
KAFKA_LOG4J="$KAFKA_STATE/config/log4j2.properties"
KAFKA_TOOLS_LOG4J="$KAFKA_STATE/config/tools-log4j2.properties"
KAFKA_DATA="$KAFKA_STATE/data"
KAFKA_LOGS="$KAFKA_STATE/logs"
KAFKA_PIDFILE="$KAFKA_STATE/kafka.pid"
KAFKA_CLUSTER_ID_FILE="$KAFKA_STATE/cluster.id"

ES_STATE="$STATE_DIR/elasticsearch"
ES_HOME="$ES_STATE/home"
ES_DATA="$ES_STATE/data"
ES_LOGS="$ES_STATE/logs"
ES_TMP="$ES_STATE/tmp"
ES_RUN="$ES_STATE/run"
ES_PIDFILE="$ES_RUN/elasticsearch.pid"
ES_CLUSTER_NAME=ronda-dev

# ---------------------------------------------------------------------------------------------
# small helpers

say() { printf 'engines: %s\n' "$*"; }
warn() { printf 'engines: %s\n' "$*" >&2; }
err() { printf 'engines: error: %s\n' "$*" >&2; }
die() { err "$@"; exit 1; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# major version of a java binary: 17, 21, 25 ... (0 if it does not run)
java_major() {
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }') || true
  case "$v" in
    1.*) v=${v#1.} ;;
  esac
  v=${v%%[.+-]*}
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

# first existing folder at or above $1
existing_ancestor() {
  local d=$1
  while [ ! -d "$d" ]; do d=$(dirname -- "$d"); done
  echo "$d"
}

check_free_space() {  # $1 folder, $2 what it is
  local d free_kb
  d=$(existing_ancestor "$1")
  free_kb=$(df -Pk -- "$d" | awk 'NR == 2 { print $4 }')
  if [ -n "$free_kb" ] && [ "$free_kb" -lt $((MIN_FREE_MB * 1024)) ]; then
    die "only $((free_kb / 1024)) MiB free for the $2 in $d (need about $MIN_FREE_MB MiB)"
  fi
}

pid_alive() {  # running, not a zombie
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local state=""
  [ -r "/proc/$1/stat" ] && state=$(sed 's/^.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)
  [ "$state" != Z ]
}

# a pid that is alive and whose command line contains $2
pid_matches() {
  pid_alive "$1" || return 1
  [ -r "/proc/$1/cmdline" ] || return 0
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

read_pid() { if [ -s "$1" ]; then tr -dc '0-9' <"$1"; fi; }

tcp_open() {  # something accepts connections on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# describes who listens on a port, empty if nobody
port_user() {
  local port=$1 line
  if command -v ss >/dev/null 2>&1; then
    line=$(ss -Htlnp "( sport = :$port )" 2>/dev/null | head -n 1 || true)
    if [ -n "$line" ]; then
      local who
      who=$(sed -n 's/.*users:((\("[^"]*"\),pid=\([0-9]*\).*/\1 pid \2/p' <<<"$line" | tr -d '"')
      echo "${who:-another process} ($(awk '{ print $4 }' <<<"$line"))"
      return 0
    fi
  fi
  if tcp_open "$port"; then echo "another process"; fi
}

check_port_free() {  # $1 port, $2 its role
  local who
  who=$(port_user "$1")
  if [ -n "$who" ]; then
    die "port $1 ($2) is already taken by $who; stop it or choose another port (see ops/engines.sh header)"
  fi
}

START_STAMP=""  # set by 'up': logs older than this start are not shown

tail_log() {  # $1 title, files...
  local title=$1 f shown=0
  shift
  for f in "$@"; do
    if [ -s "$f" ] && { [ -z "$START_STAMP" ] || [ "$f" -nt "$START_STAMP" ]; }; then
      warn "$title: last 20 lines of $f:"
      tail -n 20 -- "$f" | sed 's/^/    /' >&2
      shown=1
    fi
  done
  [ "$shown" -eq 1 ] || warn "$title: no new log output in: $*"
}

# ---------------------------------------------------------------------------------------------
# Java

kafka_java() {
  local j v d best="" bestv=0
  if [ -n "${RONDA_KAFKA_JAVA_HOME:-}" ]; then
    j="$RONDA_KAFKA_JAVA_HOME/bin/java"
    [ -x "$j" ] || die "RONDA_KAFKA_JAVA_HOME=$RONDA_KAFKA_JAVA_HOME has no bin/java"
    v=$(java_major "$j")
    [ "$v" -ge 17 ] || die "Kafka needs Java 17 or later; $j is Java $v"
    echo "$j"; return
  fi
  if j=$(command -v java 2>/dev/null) && [ "$(java_major "$j")" -ge 17 ]; then
    echo "$j"; return
  fi
  for d in /usr/lib/jvm/*/; do
    j="${d%/}/bin/java"
    [ -x "$j" ] || continue
    v=$(java_major "$j")
    if [ "$v" -ge 17 ] && [ "$v" -gt "$bestv" ]; then best=$j; bestv=$v; fi
  done
  [ -n "$best" ] || die "no Java 17 or later found for Kafka (java on PATH, /usr/lib/jvm/*); set RONDA_KAFKA_JAVA_HOME"
  echo "$best"
}

es_java_home() {
  local j v d best="" bestv=0
  if [ -n "${RONDA_ES_JAVA_HOME:-}" ]; then
    j="$RONDA_ES_JAVA_HOME/bin/java"
    [ -x "$j" ] || die "RONDA_ES_JAVA_HOME=$RONDA_ES_JAVA_HOME has no bin/java"
    v=$(java_major "$j")
    [ "$v" -ge 21 ] || die "Elasticsearch needs Java 21 or later; RONDA_ES_JAVA_HOME=$RONDA_ES_JAVA_HOME is Java $v"
    echo "${RONDA_ES_JAVA_HOME%/}"; return
  fi
  for d in /usr/lib/jvm/*/; do
    j="${d%/}/bin/java"
    [ -x "$j" ] || continue
    v=$(java_major "$j")
    if [ "$v" -ge 21 ] && [ "$v" -gt "$bestv" ]; then best=${d%/}; bestv=$v; fi
  done
  [ -n "$best" ] || die "no Java 21 or later found for Elasticsearch in /usr/lib/jvm/*; install one or set RONDA_ES_JAVA_HOME"
  echo "$best"
}

# ---------------------------------------------------------------------------------------------
# downloads (Maven Central through mvn, into the cache; skipped once the cache is complete)

run_mvn() {  # $1 pom in ops/engines, $2 output folder, $3 log file, extra args...
  local pom=$1 out=$2 log=$3 work
  shift 3
  command -v mvn >/dev/null 2>&1 || die "mvn not found; it is needed once to download the engines into $CACHE_DIR"
  # run from a scratch folder in the cache so nothing (target/, .mvn config) touches the repo
  work=$(mktemp -d "$CACHE_DIR/.mvn-work.XXXXXX")
  cp -- "$ENGINES_FILES/$pom" "$work/pom.xml"
  if ! (cd "$work" && mvn -B -q -Dstyle.color=never -f "$work/pom.xml" "$DEP_PLUGIN:copy-dependencies" \
          -DoutputDirectory="$out" "$@") >"$log" 2>&1; then
    rm -rf -- "$work"
    tail_log "mvn" "$log"
    die "download failed (mvn dependency:copy-dependencies with ops/engines/$pom); full log: $log"
  fi
  rm -rf -- "$work"
}

# the cache is complete when its marker holds the checksum of the pom it was resolved from
pom_stamp() { sha256sum -- "$ENGINES_FILES/$1" | cut -d' ' -f1; }
cache_complete() {  # $1 folder, $2 pom
  [ -f "$1/.complete" ] && [ "$(cat -- "$1/.complete")" = "$(pom_stamp "$2")" ]
}

ensure_kafka_cache() {
  cache_complete "$KAFKA_CACHE" kafka-pom.xml && return 0
  check_free_space "$CACHE_DIR" "download cache"
  mkdir -p -- "$CACHE_DIR"
  local t0 tmp
  t0=$(now)
  say "downloading Kafka $KAFKA_VERSION (not cached yet) into $KAFKA_CACHE ..."
  tmp="$KAFKA_CACHE.tmp.$$"
  rm -rf -- "$tmp"
  mkdir -p -- "$tmp/lib"
  run_mvn kafka-pom.xml "$tmp/lib" "$CACHE_DIR/download-kafka.log" \
    -Dkafka.version="$KAFKA_VERSION" -DincludeScope=runtime
  [ -f "$tmp/lib/kafka_2.13-$KAFKA_VERSION.jar" ] \
    || die "download failed: kafka_2.13-$KAFKA_VERSION.jar missing after mvn; log: $CACHE_DIR/download-kafka.log"
  pom_stamp kafka-pom.xml >"$tmp/.complete"
  rm -rf -- "$KAFKA_CACHE"
  mv -- "$tmp" "$KAFKA_CACHE"
  say "Kafka $KAFKA_VERSION cached ($(find "$KAFKA_LIB" -name '*.jar' | wc -l) jars, $(elapsed "$t0") s)"
}

ensure_es_cache() {
  cache_complete "$ES_CACHE" es-pom.xml && return 0
  check_free_space "$CACHE_DIR" "download cache"
  mkdir -p -- "$CACHE_DIR"
  local t0 tmp zip
  t0=$(now)
  say "downloading Elasticsearch $ES_VERSION (not cached yet) into $ES_CACHE ..."
  tmp="$ES_CACHE.tmp.$$"
  rm -rf -- "$tmp"
  mkdir -p -- "$tmp/zip"
  run_mvn es-pom.xml "$tmp/zip" "$CACHE_DIR/download-elasticsearch.log" \
    -Des.version="$ES_VERSION" -DexcludeTransitive=true -DincludeTypes=zip
  zip="$tmp/zip/elasticsearch-$ES_VERSION.zip"
  [ -s "$zip" ] || die "download failed: elasticsearch-$ES_VERSION.zip missing after mvn; log: $CACHE_DIR/download-elasticsearch.log"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -d "$tmp/unpacked" "$zip" || die "cannot unpack $zip"
  else
    python3 - "$zip" "$tmp/unpacked" <<'PY' || die "cannot unpack $zip (no unzip, python3 failed)"
import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1]) as z:
    for info in z.infolist():
        path = z.extract(info, sys.argv[2])
        mode = (info.external_attr >> 16) & 0o777
        if mode:
            os.chmod(path, mode)
PY
  fi
  [ -x "$tmp/unpacked/elasticsearch-$ES_VERSION/bin/elasticsearch" ] \
    || die "unexpected layout in $zip (no elasticsearch-$ES_VERSION/bin/elasticsearch)"
  rm -rf -- "$ES_CACHE"
  mv -- "$tmp/unpacked/elasticsearch-$ES_VERSION" "$ES_CACHE"
  rm -rf -- "$tmp"
  pom_stamp es-pom.xml >"$ES_CACHE/.complete"
  say "Elasticsearch $ES_VERSION cached ($(elapsed "$t0") s)"
}

# ---------------------------------------------------------------------------------------------
# Kafka

kafka_pid() {
  local pid
  pid=$(read_pid "$KAFKA_PIDFILE")
  if [ -n "$pid" ] && pid_matches "$pid" "$KAFKA_CONF"; then echo "$pid"; fi
}

kafka_answers() {  # a metadata round trip through the AdminClient
  local java=$1
  tcp_open "$KAFKA_PORT" || return 1
  timeout 60 "$java" -Xmx256m -Dlog4j2.configurationFile="$KAFKA_TOOLS_LOG4J" -cp "$KAFKA_LIB/*" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list \
    >/dev/null 2>"$KAFKA_LOGS/readiness-check.err"
}

write_kafka_config() {
  mkdir -p -- "$KAFKA_STATE/config" "$KAFKA_DATA" "$KAFKA_LOGS"
  cat >"$KAFKA_CONF" <<EOF
# written by ops/engines.sh on every 'up'; edit the script, not this file
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA

# one node: every internal topic has one replica
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1

# topics: the services create theirs too, auto-creation stays on
auto.create.topics.enable=true
num.partitions=3
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
  cat >"$KAFKA_LOG4J" <<EOF
# written by ops/engines.sh
status = warn
appender.server.type = RollingFile
appender.server.name = server
appender.server.fileName = $KAFKA_LOGS/server.log
appender.server.filePattern = $KAFKA_LOGS/server.log.%i
appender.server.layout.type = PatternLayout
appender.server.layout.pattern = [%d] %p %m (%c)%n
appender.server.policies.type = Policies
appender.server.policies.size.type = SizeBasedTriggeringPolicy
appender.server.policies.size.size = 50MB
appender.server.strategy.type = DefaultRolloverStrategy
appender.server.strategy.max = 3
rootLogger.level = info
rootLogger.appenderRef.server.ref = server
logger.state-change.name = state.change.logger
logger.state-change.level = warn
logger.request.name = kafka.request.logger
logger.request.level = warn
EOF
  cat >"$KAFKA_TOOLS_LOG4J" <<'EOF'
# written by ops/engines.sh: command-line tools print warnings and errors only
status = warn
appender.stderr.type = Console
appender.stderr.name = stderr
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = stderr
EOF
}

kafka_format_once() {
  local java=$1 cid
  if [ -f "$KAFKA_DATA/meta.properties" ]; then
    if [ ! -s "$KAFKA_CLUSTER_ID_FILE" ]; then
      sed -n 's/^cluster\.id=//p' "$KAFKA_DATA/meta.properties" >"$KAFKA_CLUSTER_ID_FILE"
    fi
    return 0
  fi
  if [ -s "$KAFKA_CLUSTER_ID_FILE" ]; then
    cid=$(tr -d '[:space:]' <"$KAFKA_CLUSTER_ID_FILE")
  else
    cid=$("$java" -Dlog4j2.configurationFile="$KAFKA_TOOLS_LOG4J" -cp "$KAFKA_LIB/*" \
      kafka.tools.StorageTool random-uuid 2>"$KAFKA_LOGS/format.log" | tr -d '[:space:]') \
      || { tail_log "kafka" "$KAFKA_LOGS/format.log"; die "Kafka: cannot generate a cluster id"; }
    [ -n "$cid" ] || die "Kafka: empty cluster id from StorageTool random-uuid"
    echo "$cid" >"$KAFKA_CLUSTER_ID_FILE"
  fi
  if ! "$java" -Dlog4j2.configurationFile="$KAFKA_TOOLS_LOG4J" -cp "$KAFKA_LIB/*" \
      kafka.tools.StorageTool format -t "$cid" -c "$KAFKA_CONF" >"$KAFKA_LOGS/format.log" 2>&1; then
    tail_log "kafka" "$KAFKA_LOGS/format.log"
    die "Kafka: storage format failed; log: $KAFKA_LOGS/format.log"
  fi
  say "Kafka storage formatted, cluster id $cid (kept in $KAFKA_CLUSTER_ID_FILE)"
}

kafka_start() {
  local java=$1 pid
  write_kafka_config
  kafka_format_once "$java"
  : >"$KAFKA_LOGS/kafka.out"
  # shellcheck disable=SC2086
  setsid nohup "$java" -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true -Dkafka.logs.dir="$KAFKA_LOGS" \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J" \
    -XX:HeapDumpPath="$KAFKA_LOGS" -XX:ErrorFile="$KAFKA_LOGS/hs_err_pid%p.log" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONF" \
    </dev/null >>"$KAFKA_LOGS/kafka.out" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$KAFKA_PIDFILE"
}

kafka_wait() {  # $1 java, $2 start time
  local java=$1 t0=$2 pid deadline
  deadline=$(( $(date +%s) + KAFKA_READY_TIMEOUT ))
  while :; do
    pid=$(kafka_pid)
    if [ -z "$pid" ]; then
      tail_log "kafka" "$KAFKA_LOGS/server.log" "$KAFKA_LOGS/kafka.out"
      rm -f -- "$KAFKA_PIDFILE"
      err "Kafka exited during start-up; logs: $KAFKA_LOGS"
      return 1
    fi
    if kafka_answers "$java"; then
      say "kafka ready on 127.0.0.1:$KAFKA_PORT (pid $pid, $(elapsed "$t0") s)"
      return 0
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail_log "kafka" "$KAFKA_LOGS/server.log" "$KAFKA_LOGS/kafka.out" "$KAFKA_LOGS/readiness-check.err"
      stop_pids "kafka" "$pid"
      rm -f -- "$KAFKA_PIDFILE"
      err "Kafka did not answer on 127.0.0.1:$KAFKA_PORT within ${KAFKA_READY_TIMEOUT} s (stopped it); logs: $KAFKA_LOGS"
      return 1
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------------------------------------
# Elasticsearch

es_pid() {
  local pid
  pid=$(read_pid "$ES_PIDFILE")
  if [ -n "$pid" ] && pid_matches "$pid" "$ES_HOME"; then echo "$pid"; fi
}

es_health() {  # $1 query, $2 max seconds: prints the health JSON, fails unless HTTP 200
  local out code
  out=$(curl --noproxy '*' -sS --max-time "${2:-10}" -w '\n%{http_code}' \
    "http://127.0.0.1:$ES_PORT/_cluster/health${1:+?$1}" 2>/dev/null) || return 1
  code=${out##*$'\n'}
  [ "$code" = 200 ] || return 1
  printf '%s\n' "${out%$'\n'*}"
}

es_user() { if is_root; then echo "$ES_USER_NAME"; else id -un; fi; }

ensure_es_user() {
  is_root || return 0
  if ! id -u "$ES_USER_NAME" >/dev/null 2>&1; then
    local nologin=/usr/sbin/nologin
    [ -x "$nologin" ] || nologin=/bin/false
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell "$nologin" --comment "Ronda local Elasticsearch" "$ES_USER_NAME" \
      || die "cannot create system user $ES_USER_NAME for Elasticsearch (useradd failed)"
    say "created system user $ES_USER_NAME to run Elasticsearch (it refuses to run as root)"
  fi
}

prepare_es_home() {
  mkdir -p -- "$ES_STATE" "$ES_DATA" "$ES_LOGS" "$ES_TMP" "$ES_RUN"
  # a private copy of the distribution: Elasticsearch writes its keystore into config/
  if [ "$(cat "$ES_HOME/.ronda-version" 2>/dev/null || true)" != "$ES_VERSION" ]; then
    rm -rf -- "$ES_HOME" "$ES_HOME.tmp"
    cp -a -- "$ES_CACHE" "$ES_HOME.tmp"
    rm -f -- "$ES_HOME.tmp/.complete"
    echo "$ES_VERSION" >"$ES_HOME.tmp/.ronda-version"
    mv -- "$ES_HOME.tmp" "$ES_HOME"
  fi
  cat >"$ES_HOME/config/elasticsearch.yml" <<EOF
# written by ops/engines.sh on every 'up'; edit the script, not this file
cluster.name: $ES_CLUSTER_NAME
node.name: ronda-es-1
discovery.type: single-node
xpack.security.enabled: false
network.host: 127.0.0.1
http.host: 127.0.0.1
http.port: $ES_PORT
transport.host: 127.0.0.1
transport.port: $ES_TRANSPORT_PORT
path.data: $ES_DATA
path.logs: $ES_LOGS
EOF
  mkdir -p -- "$ES_HOME/config/jvm.options.d"
  cat >"$ES_HOME/config/jvm.options.d/ronda.options" <<EOF
# written by ops/engines.sh
-Xms$ES_HEAP
-Xmx$ES_HEAP
-XX:HeapDumpPath=$ES_LOGS
-XX:ErrorFile=$ES_LOGS/hs_err_pid%p.log
EOF
  if is_root; then
    chown -R "$ES_USER_NAME:$ES_USER_NAME" -- "$ES_STATE"
    # every folder above the state dir must let the unprivileged user through
    if ! runuser -u "$ES_USER_NAME" -- test -x "$ES_HOME/bin/elasticsearch" -a -w "$ES_DATA"; then
      die "user $ES_USER_NAME cannot reach $ES_STATE (a parent folder is not traversable); set RONDA_STATE to a folder under a world-traversable path"
    fi
  fi
}

es_start() {
  local java_home=$1 user
  user=$(es_user)
  prepare_es_home
  rm -f -- "$ES_PIDFILE"
  : >"$ES_LOGS/launcher.out"
  [ -n "${ES_JAVA_OPTS:-}" ] && warn "ignoring ES_JAVA_OPTS from the environment (heap comes from RONDA_ES_HEAP)"
  local -a env_cmd=(env ES_JAVA_HOME="$java_home" ES_PATH_CONF="$ES_HOME/config" ES_TMPDIR="$ES_TMP"
    ES_JAVA_OPTS= LIBFFI_TMPDIR="$ES_TMP")
  local -a es_cmd=("$ES_HOME/bin/elasticsearch" -d -p "$ES_PIDFILE")
  # cwd = logs folder: the distribution's jvm.options writes gc.log relative to the cwd
  if is_root; then
    (cd "$ES_LOGS" || exit 1
      setsid nohup runuser -u "$user" -- "${env_cmd[@]}" "${es_cmd[@]}" \
        </dev/null >>"$ES_LOGS/launcher.out" 2>&1 9>&- &
      echo $! >"$ES_STATE/launcher.pid")
  else
    (cd "$ES_LOGS" || exit 1
      setsid nohup "${env_cmd[@]}" "${es_cmd[@]}" \
        </dev/null >>"$ES_LOGS/launcher.out" 2>&1 9>&- &
      echo $! >"$ES_STATE/launcher.pid")
  fi
}

es_wait() {  # $1 start time
  local t0=$1 pid launcher deadline
  deadline=$(( $(date +%s) + ES_READY_TIMEOUT ))
  launcher=$(read_pid "$ES_STATE/launcher.pid")
  while :; do
    pid=$(es_pid)
    if [ -z "$pid" ] && ! pid_alive "$launcher"; then
      # the launcher (-d) exits once the node started, or when it failed
      sleep 1
      pid=$(es_pid)
      if [ -z "$pid" ]; then
        tail_log "elasticsearch" "$ES_LOGS/$ES_CLUSTER_NAME.log" "$ES_LOGS/launcher.out"
        err "Elasticsearch exited during start-up; logs: $ES_LOGS"
        return 1
      fi
    fi
    if [ -n "$pid" ] && es_health "wait_for_status=yellow&timeout=1s" 5 >/dev/null; then
      say "elasticsearch ready on http://127.0.0.1:$ES_PORT (pid $pid, user $(es_user), $(elapsed "$t0") s)"
      return 0
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail_log "elasticsearch" "$ES_LOGS/$ES_CLUSTER_NAME.log" "$ES_LOGS/launcher.out"
      stop_pids "elasticsearch" "$pid" "$launcher"
      rm -f -- "$ES_PIDFILE"
      err "Elasticsearch did not reach yellow on 127.0.0.1:$ES_PORT within ${ES_READY_TIMEOUT} s (stopped it); logs: $ES_LOGS"
      return 1
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------------------------------------
# stopping

stop_pids() {  # $1 label, pids...: TERM, wait up to STOP_TIMEOUT s, then KILL
  local label=$1 p alive deadline
  shift
  local -a pids=()
  for p in "$@"; do pid_alive "$p" && pids+=("$p"); done
  [ "${#pids[@]}" -gt 0 ] || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  deadline=$(( $(date +%s) + STOP_TIMEOUT ))
  while :; do
    alive=()
    for p in "${pids[@]}"; do pid_alive "$p" && alive+=("$p"); done
    [ "${#alive[@]}" -gt 0 ] || return 0
    if [ "$(date +%s)" -ge "$deadline" ]; then
      warn "$label still running after ${STOP_TIMEOUT} s: sending SIGKILL to ${alive[*]}"
      kill -KILL "${alive[@]}" 2>/dev/null || true
      for _ in 1 2 3 4 5 6 7 8 9 10; do
        alive=()
        for p in "${pids[@]}"; do pid_alive "$p" && alive+=("$p"); done
        [ "${#alive[@]}" -gt 0 ] || return 0
        sleep 0.5
      done
      return 0
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------------------------
# commands

with_lock() {
  mkdir -p -- "$STATE_ROOT"
  # fd 9 holds the lock; the engines are started with 9>&- so they never inherit it
  exec 9>"$STATE_ROOT/engines.lock"
  flock -w 420 9 || die "another ops/engines.sh is still running on $STATE_ROOT (lock $STATE_ROOT/engines.lock)"
}

cmd_up() {
  with_lock
  local kjava es_jh t0 kafka_running="" es_running="" kpid epid
  kjava=$(kafka_java)
  es_jh=$(es_java_home)
  command -v curl >/dev/null 2>&1 || die "curl not found (needed to check Elasticsearch)"
  [[ "$KAFKA_HEAP" =~ ^[0-9]+[kKmMgG]$ ]] || die "RONDA_KAFKA_HEAP=$KAFKA_HEAP is not a heap size like 512m or 1g"
  [[ "$ES_HEAP" =~ ^[0-9]+[kKmMgG]$ ]] || die "RONDA_ES_HEAP=$ES_HEAP is not a heap size like 768m or 1g"
  check_free_space "$STATE_DIR" "engine state"

  kpid=$(kafka_pid)
  epid=$(es_pid)
  [ -n "$kpid" ] && kafka_running=1
  [ -n "$epid" ] && es_running=1

  # ports first, before anything starts
  if [ -z "$kafka_running" ]; then
    check_port_free "$KAFKA_PORT" "Kafka broker"
    check_port_free "$KAFKA_CONTROLLER_PORT" "Kafka controller"
  fi
  if [ -z "$es_running" ]; then
    check_port_free "$ES_PORT" "Elasticsearch HTTP"
    check_port_free "$ES_TRANSPORT_PORT" "Elasticsearch transport"
  fi

  [ -n "$kafka_running" ] || ensure_kafka_cache
  [ -n "$es_running" ] || ensure_es_cache
  mkdir -p -- "$STATE_DIR"
  [ -n "$es_running" ] || ensure_es_user

  t0=$(now)
  START_STAMP="$STATE_DIR/.up-started"
  touch -- "$START_STAMP"
  local kafka_wait_needed=1 es_wait_needed=1
  if [ -n "$kafka_running" ]; then
    mkdir -p -- "$KAFKA_LOGS"
    if kafka_answers "$kjava"; then
      say "kafka already running on 127.0.0.1:$KAFKA_PORT (pid $kpid)"
      kafka_wait_needed=""
    else
      say "kafka process $kpid is up but not answering yet; waiting"
    fi
  else
    say "starting kafka $KAFKA_VERSION (java $(java_major "$kjava"), heap $KAFKA_HEAP)"
    kafka_start "$kjava"
  fi
  if [ -n "$es_running" ]; then
    if es_health "wait_for_status=yellow&timeout=1s" 5 >/dev/null; then
      say "elasticsearch already running on http://127.0.0.1:$ES_PORT (pid $epid)"
      es_wait_needed=""
    else
      say "elasticsearch process $epid is up but not answering yet; waiting"
    fi
  else
    say "starting elasticsearch $ES_VERSION (java $(java_major "$es_jh/bin/java") from $es_jh, heap $ES_HEAP, user $(es_user))"
    es_start "$es_jh"
  fi

  # wait for both even if one fails, so that nothing is left half-started without a word
  local failed=""
  if [ -n "$kafka_wait_needed" ]; then kafka_wait "$kjava" "$t0" || failed="kafka"; fi
  if [ -n "$es_wait_needed" ]; then es_wait "$t0" || failed="${failed:+$failed and }elasticsearch"; fi
  if [ -n "$failed" ]; then
    err "start failed for $failed; the other engine, if it came up, stays running (ops/engines.sh down stops it)"
    exit 1
  fi
  say "both engines up; state and logs in $STATE_DIR (kafka: $KAFKA_LOGS, elasticsearch: $ES_LOGS)"
}

cmd_down() {
  local wipe=${1:-}
  with_lock
  local kpid epid launcher
  kpid=$(kafka_pid)
  epid=$(es_pid)
  launcher=$(read_pid "$ES_STATE/launcher.pid")
  pid_matches "$launcher" "$ES_HOME" || launcher=""
  if [ -z "$kpid$epid$launcher" ]; then
    say "kafka and elasticsearch are not running"
  else
    [ -n "$kpid" ] && say "stopping kafka (pid $kpid)"
    [ -n "$epid" ] && say "stopping elasticsearch (pid $epid)"
    stop_pids "engines" "$kpid" "$epid" "$launcher"
    say "stopped"
  fi
  rm -f -- "$KAFKA_PIDFILE" "$ES_PIDFILE" "$ES_STATE/launcher.pid"
  if [ -n "$wipe" ]; then
    case "$STATE_DIR" in
      */engines) ;;
      *) die "refusing to wipe unexpected state folder $STATE_DIR" ;;
    esac
    rm -rf -- "$STATE_DIR"
    say "wiped $STATE_DIR (the download cache in $CACHE_DIR is kept)"
  else
    say "data kept in $STATE_DIR"
  fi
}

cmd_status() {
  local kpid epid rc=0 health st
  kpid=$(kafka_pid)
  if [ -n "$kpid" ] && tcp_open "$KAFKA_PORT"; then
    echo "kafka: running (pid $kpid, 127.0.0.1:$KAFKA_PORT, controller 127.0.0.1:$KAFKA_CONTROLLER_PORT)"
  elif [ -n "$kpid" ]; then
    echo "kafka: starting (pid $kpid, not listening on 127.0.0.1:$KAFKA_PORT yet)"; rc=3
  else
    echo "kafka: stopped"; rc=3
  fi
  epid=$(es_pid)
  if [ -n "$epid" ] && health=$(es_health "" 5); then
    st=$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<<"$health")
    echo "elasticsearch: running (pid $epid, http://127.0.0.1:$ES_PORT, status ${st:-unknown})"
  elif [ -n "$epid" ]; then
    echo "elasticsearch: starting (pid $epid, not answering on 127.0.0.1:$ES_PORT yet)"; rc=3
  else
    echo "elasticsearch: stopped"; rc=3
  fi
  return "$rc"
}

cmd_kafka_run() {
  [ $# -ge 1 ] || die "usage: ops/engines.sh kafka-run MAIN_CLASS [ARGS...]"
  [ -d "$KAFKA_LIB" ] || die "Kafka is not downloaded yet; run ops/engines.sh up first"
  local kjava log4j=$KAFKA_TOOLS_LOG4J
  kjava=$(kafka_java)
  [ -f "$log4j" ] || log4j=""
  exec "$kjava" ${log4j:+-Dlog4j2.configurationFile="$log4j"} -cp "$KAFKA_LIB/*" "$@"
}

usage() {
  echo "usage: ops/engines.sh up | down [--wipe] | wipe | status | kafka-run MAIN_CLASS [ARGS...]" >&2
  exit 2
}

case "${1:-}" in
  up) [ $# -eq 1 ] || usage; cmd_up ;;
  down)
    case "${2:-}" in
      "") cmd_down ;;
      --wipe) cmd_down wipe ;;
      *) usage ;;
    esac ;;
  wipe) cmd_down wipe ;;
  status) cmd_status ;;
  kafka-run) shift; cmd_kafka_run "$@" ;;
  *) usage ;;
esac
