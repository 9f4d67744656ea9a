#!/usr/bin/env bash
# Agent side of the kanister-hooks Pipeline library. The library never builds a shell command line: it passes every
# value in environment variables, and this script turns them into arguments.
#
#   KH_MODE=locate  find the CLI: $KANISTER_HOOKS_CLI, else kanister-hooks on PATH, else the version-pinned jar in
#                   $KH_TOOL_CACHE, else download that jar from $KANISTER_HOOKS_MAVEN_REPOSITORY (a Maven repository
#                   URL; there is no default). Writes cli=, source= and version= lines to $KH_STDOUT.
#                   Exit 127: no CLI and no repository configured; 3: the download failed; 126: the CLI does not run
#                   (the reason also goes to $KH_STDERR).
#   KH_MODE=run     run $KANISTER_HOOKS_CLI (a program or a .jar) with the arguments KH_ARG_0 .. KH_ARG_<KH_ARGC-1>;
#                   its stdout goes to $KH_STDOUT, its stderr to the build log and to $KH_STDERR. Exit: the CLI's.
set -uo pipefail

die() { # exit-code message; the message also goes to $KH_STDERR, where the library takes its error text from
  echo "kanister-hooks: $2" >&2
  [ -z "${KH_STDERR:-}" ] || printf '%s\n' "$2" >>"$KH_STDERR"
  exit "$1"
}

# A URL without user:password@, for messages.
shown_url() {
  printf '%s' "$1" | sed -E 's#^([a-zA-Z]+://)[^/@]*@#\1#'
}

cli_command() { # path -> sets the array "cli"
  case "$1" in
    *.jar) cli=("${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$1") ;;
    *) cli=("$1") ;;
  esac
}

fetch() { # url file
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --netrc-optional --retry 2 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    echo "kanister-hooks: neither curl nor wget is installed on this agent" >&2
    return 1
  fi
}

download() { # jar
  local repo="${KANISTER_HOOKS_MAVEN_REPOSITORY:-}"
  if [ -z "$repo" ]; then
    die 127 "the kanister-hooks CLI was not found: set KANISTER_HOOKS_CLI to its path, put kanister-hooks on the PATH, \
or configure a Maven repository that holds io.kanisterhooks:kanister-hooks-engine:${KH_VERSION}:jar:cli \
(environment variable KANISTER_HOOKS_MAVEN_REPOSITORY or the step parameter mavenRepository)"
  fi
  local url="${repo%/}/io/kanisterhooks/kanister-hooks-engine/${KH_VERSION}/kanister-hooks-engine-${KH_VERSION}-cli.jar"
  local tmp="$1.download.$$"
  mkdir -p "$(dirname "$1")" || die 3 "cannot create the tool cache $(dirname "$1")"
  echo "kanister-hooks: downloading $(shown_url "$url")" >&2
  if ! fetch "$url" "$tmp" || ! fetch "$url.sha1" "$tmp.sha1"; then
    rm -f "$tmp" "$tmp.sha1"
    die 3 "cannot download $(shown_url "$url") (and its .sha1)"
  fi
  local expected actual
  expected="$(tr -d ' \r\n' <"$tmp.sha1" | cut -c1-40)"
  actual="$(sha1sum "$tmp" | cut -d' ' -f1)"
  rm -f "$tmp.sha1"
  if [ "$expected" != "$actual" ]; then
    rm -f "$tmp"
    die 3 "checksum mismatch for $(shown_url "$url"): expected ${expected:-nothing}, got $actual"
  fi
  mv -f "$tmp" "$1" || die 3 "cannot write $1"
}

locate() {
  local found source
  : >"$KH_STDERR"
  if [ -n "${KANISTER_HOOKS_CLI:-}" ]; then
    [ -e "$KANISTER_HOOKS_CLI" ] || die 127 "KANISTER_HOOKS_CLI is $KANISTER_HOOKS_CLI, which does not exist"
    found="$KANISTER_HOOKS_CLI"
    source=KANISTER_HOOKS_CLI
  elif found="$(command -v kanister-hooks 2>/dev/null)"; then
    source=PATH
  else
    found="${KH_TOOL_CACHE%/}/${KH_VERSION}/kanister-hooks-engine-${KH_VERSION}-cli.jar"
    source="tool cache"
    if [ ! -s "$found" ]; then
      download "$found"
      source="download"
    fi
  fi
  local cli version
  cli_command "$found"
  version="$("${cli[@]}" --version 2>/dev/null | head -n 1)" || true
  case "$version" in
    "kanister-hooks "*) version="${version#kanister-hooks }" ;;
    *) die 126 "$found does not run as the kanister-hooks CLI ('--version' printed: ${version:-nothing})" ;;
  esac
  printf 'cli=%s\nsource=%s\nversion=%s\n' "$found" "$source" "$version" >"$KH_STDOUT"
}

run() {
  local args=() i name cli
  for ((i = 0; i < ${KH_ARGC:-0}; i++)); do
    name="KH_ARG_$i"
    args+=("${!name}")
  done
  cli_command "$KANISTER_HOOKS_CLI"
  : >"$KH_STDERR"
  # The CLI handles SIGTERM/SIGINT itself (deletes hook pods, runs onFailure); a trap, rather than the default action,
  # keeps this script waiting for it to finish instead of exiting under it. tee ignores them so that nothing the CLI
  # prints while it cleans up is lost.
  trap ':' TERM INT HUP
  "${cli[@]}" "${args[@]}" >"$KH_STDOUT" 2> >(trap '' TERM INT HUP; exec tee -a "$KH_STDERR" >&2)
  local status=$?
  wait 2>/dev/null || true # for tee (bash 5.1+ waits for process substitutions too)
  return "$status"
}

case "${KH_MODE:-}" in
  locate) locate ;;
  run) run ;;
  *) die 2 "unknown KH_MODE '${KH_MODE:-}'" ;;
esac
