#!/usr/bin/env bash
# The convoscan benchmark: `convoscan report` next to the scan an analyst
# would otherwise run over the same export, ripgrep counting the same phrases
# (`rg -c -i -F -f phrases.txt export.csv`), in one run, on the same files.
#
#   bench/run.sh                    # full: 500 MB and 2 GB CSV, 500 MB JSON Lines
#   bench/run.sh --small            # smoke run: 50 MB and 200 MB, a few minutes
#   bench/run.sh --reps 5 --nice    # more repetitions, at lower CPU priority
#   bench/run.sh --update-readme    # full run, then put the targets into README.md
#
# What it does:
#   1. builds the release binary and the demo export generator
#      (examples/demo_export) and generates the exports into the cache
#      directory, once: a long-format CSV of N conversations (300,000, about
#      500 MB), a CSV of 4N (about 2 GB) and a JSON Lines file of N. The
#      generator writes Dutch and English calls and chats with realistic
#      lengths, agents, topics and personas; the same seed always gives the
#      same bytes, so runs on different machines read the same input.
#   2. writes the phrase lists for ripgrep with `convoscan lexicon phrases`,
#      and a user lexicon of 20,000 more phrases (bench/make-lexicon.sh,
#      checked with `convoscan lexicon check`).
#   3. runs each case REPS times, the cases interleaved so that both tools see
#      the same machine load, and takes the median wall time and the highest
#      peak RSS (GNU time's %M). convoscan runs `report` with every built-in
#      detector and both languages, writing the findings and a JSON report
#      to files in the cache directory. Start-up is the median of 10 runs of
#      `report` on a one-conversation file. ripgrep with the 20,000 extra
#      phrases runs once: it takes minutes on the full file.
#   4. prints a table (wall s, MB/s, conversations/s, peak RSS, ratio to
#      ripgrep on the same file and phrases) and the performance targets of
#      the project with met / not met, and writes the same as Markdown to
#      CACHE/latest.md.
#
# Options (or environment variables):
#   --small, --scale small|full  BENCH_SCALE   size of the run (default full)
#   --conversations N            BENCH_CONVERSATIONS  N itself (overrides --scale)
#   --reps N                     BENCH_REPS    repetitions of each case (default 3)
#   --large-reps N               BENCH_LARGE_REPS  repetitions on the 4N file (default 1)
#   --dir DIR                    BENCH_DIR     cache directory (default target/bench)
#   --nice [N]                   BENCH_NICE    run the measured commands under `nice -n N` (10)
#   --no-rg-20k                  BENCH_RG_20K=0  skip ripgrep with the 20,000 extra phrases
#                                              (about 10 minutes on the full file)
#   --update-readme                            replace the figures in README.md (full runs only)
#
# The exports are kept in the cache directory and reused; delete it to
# regenerate. A full run needs about 3.5 GB of disk and, at the time of
# writing, roughly half an hour on two cores. Needs bash 4.3+, GNU time
# (/usr/bin/time) and ripgrep; ripgrep is installed with apt-get when missing.
# This is not part of `cargo test`: timings belong here, not in tests.
set -euo pipefail
export LC_ALL=C

die() {
    echo "bench: $*" >&2
    exit 2
}
say() { echo "bench: $*" >&2; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scale=${BENCH_SCALE:-full}
conversations=${BENCH_CONVERSATIONS:-}
reps=${BENCH_REPS:-3}
large_reps=${BENCH_LARGE_REPS:-1}
cache=${BENCH_DIR:-target/bench}
nice_level=${BENCH_NICE:-}
update_readme=false
rg_20k=${BENCH_RG_20K:-1}
while (($# > 0)); do
    case $1 in
        --small) scale=small ;;
        --scale)
            scale=${2:?--scale needs small or full}
            shift
            ;;
        --conversations)
            conversations=${2:?--conversations needs a number}
            shift
            ;;
        --reps)
            reps=${2:?--reps needs a number}
            shift
            ;;
        --large-reps)
            large_reps=${2:?--large-reps needs a number}
            shift
            ;;
        --dir)
            cache=${2:?--dir needs a directory}
            shift
            ;;
        --nice)
            nice_level=10
            if [[ ${2:-} =~ ^[0-9]+$ ]]; then
                nice_level=$2
                shift
            fi
            ;;
        --update-readme) update_readme=true ;;
        --no-rg-20k) rg_20k=0 ;;
        -h | --help)
            sed -n '2,/^# This is not part/p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
    shift
done

if [[ -z $conversations ]]; then
    case $scale in
        small) conversations=30000 ;;
        full) conversations=300000 ;;
        *) die "--scale must be small or full, not '$scale'" ;;
    esac
fi
for value in "$conversations" "$reps" "$large_reps"; do
    [[ $value =~ ^[1-9][0-9]*$ ]] || die "'$value' is not a positive whole number"
done
if [[ -n $nice_level && ! $nice_level =~ ^[0-9]+$ ]]; then
    die "--nice takes a level from 0 to 19, not '$nice_level'"
fi
if $update_readme && ((conversations != 300000)); then
    die "--update-readme takes the figures of a full run only (300,000 conversations)"
fi
large_conversations=$((conversations * 4))
seed=7
startup_runs=10

# --- tools ---------------------------------------------------------------

if ! command -v rg >/dev/null; then
    say "ripgrep is missing; installing it with apt-get"
    if ((EUID == 0)); then
        apt-get install -y ripgrep >&2
    else
        sudo apt-get install -y ripgrep >&2
    fi
fi
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is needed for peak memory: apt-get install time"

mkdir -p "$cache/out"
cache=$(cd "$cache" && pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
say "building the release binary and the export generator"
cargo build --release --quiet --bin convoscan --example demo_export
convoscan=$target_dir/release/convoscan
generator=$target_dir/release/examples/demo_export

# --- inputs --------------------------------------------------------------

# generate N FORMAT: prints the path of the export of N conversations,
# generating it first when it is not in the cache.
generate() {
    local n=$1 format=$2
    local path=$cache/export-$n-seed$seed.$format
    if [[ ! -s $path ]]; then
        say "generating $n conversations as $format"
        "$generator" --conversations "$n" --seed "$seed" --format "$format" \
            --output "$path.partial" --quiet
        mv "$path.partial" "$path"
    fi
    echo "$path"
}
csv=$(generate "$conversations" csv)
jsonl=$(generate "$conversations" jsonl)
large_csv=$(generate "$large_conversations" csv)
tiny_csv=$(generate 1 csv)

"$convoscan" lexicon phrases >"$cache/phrases.txt"
lexicon_dir=$cache/lexicon-20k
rm -rf "$lexicon_dir"
bench/make-lexicon.sh "$lexicon_dir" 20000
if ! "$convoscan" lexicon check "+$lexicon_dir" >"$cache/out/lexicon-check.txt" 2>&1; then
    cat "$cache/out/lexicon-check.txt" >&2
    die "the generated 20,000-phrase lexicon does not pass lexicon check"
fi
"$convoscan" lexicon phrases --lexicons "+$lexicon_dir" >"$cache/phrases-20k.txt"
builtin_phrases=$(wc -l <"$cache/phrases.txt")
extended_phrases=$(wc -l <"$cache/phrases-20k.txt")

file_bytes() { stat -c %s "$1"; }

# --- measuring -----------------------------------------------------------

declare -A label=() bytes=() convs=() baseline=() walls=() rss=()
cases=()

# define NAME LABEL INPUT CONVERSATIONS BASELINE: a row of the table.
# BASELINE is the ripgrep case its ratio is taken against (may be empty).
define() {
    cases+=("$1")
    label[$1]=$2
    bytes[$1]=$(file_bytes "$3")
    convs[$1]=$4
    baseline[$1]=$5
    walls[$1]=""
    rss[$1]=0
}

# measure NAME DIR COMMAND...: runs the command once in DIR, adds its wall
# time and peak RSS to NAME. ripgrep's exit code 1 (no match) is fine.
measure() {
    local name=$1 dir=$2
    shift 2
    local prefix=()
    if [[ -n $nice_level ]]; then
        prefix=(nice -n "$nice_level")
    fi
    local log=$cache/out/$name
    local status=0 start end wall peak
    cd "$dir"
    start=$EPOCHREALTIME
    "${prefix[@]}" /usr/bin/time -f '%M' -o "$log.time" "$@" >"$log.stdout" 2>"$log.stderr" ||
        status=$?
    end=$EPOCHREALTIME
    cd "$root"
    if ((status != 0)) && ! [[ $status == 1 && $1 == rg ]]; then
        cat "$log.stderr" >&2
        die "$name failed with exit code $status: $*"
    fi
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')
    peak=$(tail -n 1 "$log.time")
    walls[$name]+="$wall "
    if ((peak > rss[$name])); then
        rss[$name]=$peak
    fi
    printf 'bench:   %-18s %9.3f s %7.1f MB RSS\n' "$name" "$wall" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" >&2
}

# 1234567 -> 1,234,567
thousands() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }

rg_case() { # NAME PHRASES INPUT
    measure "$1" "$root" rg -c -i -F -f "$2" "$3"
}

# report_case NAME INPUT THREADS [OPTIONS...]. The accounting line must show
# every conversation analysed: a run that skipped half the input would
# flatter the figures.
report_case() {
    local name=$1 input=$2 threads=$3
    shift 3
    measure "$name" "$root" "$convoscan" report "$input" -j "$threads" "$@" \
        --findings "$cache/out/$name.findings.jsonl" \
        --format json --output "$cache/out/$name.report.json"
    local expected
    expected=$(thousands "${convs[$name]}")
    if ! grep -q "$expected analysed, 0 skipped" "$cache/out/$name.stderr"; then
        cat "$cache/out/$name.stderr" >&2
        die "$name did not analyse all $expected conversations"
    fi
}

mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1e6 }'; }
csv_mb=$(mb "$(file_bytes "$csv")")
jsonl_mb=$(mb "$(file_bytes "$jsonl")")
large_mb=$(mb "$(file_bytes "$large_csv")")
define rg_csv "ripgrep, CSV $csv_mb MB" "$csv" "$conversations" ""
define report_csv_j2 "report -j 2, CSV $csv_mb MB" "$csv" "$conversations" rg_csv
define report_csv_j1 "report -j 1, CSV $csv_mb MB" "$csv" "$conversations" rg_csv
define rg_jsonl "ripgrep, JSONL $jsonl_mb MB" "$jsonl" "$conversations" ""
define report_jsonl_j2 "report -j 2, JSONL $jsonl_mb MB" "$jsonl" "$conversations" rg_jsonl
if ((rg_20k == 1)); then
    define rg_csv_20k "ripgrep, CSV $csv_mb MB, +20k phrases (1 run)" "$csv" "$conversations" ""
    define report_csv_20k_j2 "report -j 2, CSV $csv_mb MB, +20k phrases" "$csv" "$conversations" rg_csv_20k
else
    # Compared with ripgrep on the built-in phrases only.
    define report_csv_20k_j2 "report -j 2, CSV $csv_mb MB, +20k phrases" "$csv" "$conversations" rg_csv
fi
define rg_large "ripgrep, CSV $large_mb MB" "$large_csv" "$large_conversations" ""
define report_large_j2 "report -j 2, CSV $large_mb MB" "$large_csv" "$large_conversations" rg_large
define startup "start-up: report, 1 conversation" "$tiny_csv" 1 ""
define startup_20k "start-up: report, +20k phrases" "$tiny_csv" 1 ""
define startup_check "start-up: lexicon check" "$tiny_csv" 0 ""

say "$(thousands "$conversations") conversations ($csv_mb MB CSV), $reps repetitions;" \
    "$builtin_phrases built-in phrases, $extended_phrases with the 20k lexicon"
read -r load_before _ </proc/loadavg
# Read every input once, so that no case pays for the disk.
cat "$csv" "$jsonl" "$large_csv" >/dev/null

for ((rep = 1; rep <= reps; rep++)); do
    say "repetition $rep of $reps"
    rg_case rg_csv "$cache/phrases.txt" "$csv"
    report_case report_csv_j2 "$csv" 2
    report_case report_csv_j1 "$csv" 1
    rg_case rg_jsonl "$cache/phrases.txt" "$jsonl"
    report_case report_jsonl_j2 "$jsonl" 2
    # ripgrep slows down badly with 22,000 phrases and -i: once is enough.
    if ((rep == 1 && rg_20k == 1)); then
        rg_case rg_csv_20k "$cache/phrases-20k.txt" "$csv"
    fi
    report_case report_csv_20k_j2 "$csv" 2 --lexicons "+$lexicon_dir"
done
for ((rep = 1; rep <= large_reps; rep++)); do
    say "the $large_mb MB file, repetition $rep of $large_reps"
    rg_case rg_large "$cache/phrases.txt" "$large_csv"
    report_case report_large_j2 "$large_csv" 2
done
say "start-up, $startup_runs runs each"
for ((rep = 1; rep <= startup_runs; rep++)); do
    report_case startup "$tiny_csv" 2
    report_case startup_20k "$tiny_csv" 2 --lexicons "+$lexicon_dir"
    # In the cache directory there are no fixtures, so this compiles and
    # lints the built-in lexicons and stops.
    measure startup_check "$cache" "$convoscan" lexicon check
done

# --- results -------------------------------------------------------------

median() {
    tr ' ' '\n' | sed '/^$/d' | sort -g |
        awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

declare -A wall=()
for name in "${cases[@]}"; do
    wall[$name]=$(median <<<"${walls[$name]}")
done

# One row per case: label, wall, MB/s, conversations/s, peak RSS, vs ripgrep.
rows=()
for name in "${cases[@]}"; do
    w=${wall[$name]}
    if [[ $name == startup* ]]; then
        rows+=("${label[$name]}|$(calc %.1f "$w * 1000") ms|-|-|$(calc %.1f "${rss[$name]} / 1024")|-")
        continue
    fi
    ratio=-
    if [[ -n ${baseline[$name]} ]]; then
        ratio=$(calc %.2fx "$w / ${wall[${baseline[$name]}]}")
    fi
    rows+=("${label[$name]}|$(calc %.2f "$w") s|$(calc %.1f "${bytes[$name]} / 1e6 / $w")|$(calc %.0f "${convs[$name]} / $w")|$(calc %.1f "${rss[$name]} / 1024")|$ratio")
done

# Targets: label, measured, goal, met (an awk condition on the measured value).
target() { # LABEL VALUE FORMAT GOAL CONDITION
    local value shown met
    value=$(calc %.6f "$2")
    shown=$(calc "$3" "$value")
    met="not met"
    if awk -v v="$value" "BEGIN { exit !(v $5) }"; then
        met=met
    fi
    targets+=("$1|$shown|$4|$met")
}
targets=()
target "report / ripgrep wall time, CSV $csv_mb MB, 2 threads" \
    "${wall[report_csv_j2]} / ${wall[rg_csv]}" %.2fx "at most 1.0x" "<= 1.0"
target "peak RSS, CSV $large_mb MB, 2 threads" \
    "${rss[report_large_j2]} / 1024" "%.0f MB" "at most 256 MB" "<= 256"
target "1 thread / 2 threads wall time" \
    "${wall[report_csv_j1]} / ${wall[report_csv_j2]}" %.2fx "at least 1.8x" ">= 1.8"
target "+20k phrases / built-in lexicons wall time" \
    "${wall[report_csv_20k_j2]} / ${wall[report_csv_j2]}" %.2fx "at most 1.3x" "<= 1.3"
target "start-up, built-in lexicons (report on 1 conversation)" \
    "${wall[startup]} * 1000" "%.0f ms" "under 50 ms" "< 50"
growth=$(calc %.2fx "${rss[report_large_j2]} / ${rss[report_csv_j2]}")
targets+=("peak RSS, CSV $large_mb MB / CSV $csv_mb MB|$growth|flat: memory does not grow with input|-")

ratios=()
for name in report_csv_j2 report_csv_j1 report_jsonl_j2 report_csv_20k_j2 report_large_j2; do
    ratios+=("${label[$name]}|$(calc %.2fx "${wall[$name]} / ${wall[${baseline[$name]}]}")")
done

read -r load_after _ </proc/loadavg
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
    commit+=" (with uncommitted changes)"
fi
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
memory=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
about="$(date -u +%Y-%m-%d), commit $commit, $(nproc) cores${cpu:+ ($cpu)}${memory:+, $memory RAM};"
about+=" $(rg --version | head -n 1); $(thousands "$conversations") conversations; median of $reps runs"
about+=" (start-up: $startup_runs)${nice_level:+, under nice -n $nice_level};"
about+=" $builtin_phrases built-in phrases, $extended_phrases with the 20k lexicon;"
about+=" load average $load_before before, $load_after after"

# markdown_table HEADER ROWS...: a Markdown table from |-separated fields.
markdown_table() {
    local header=$1
    shift
    echo "| ${header//|/ | } |"
    local rule="" fields i
    IFS='|' read -ra fields <<<"$header"
    for ((i = 0; i < ${#fields[@]}; i++)); do
        rule+=" --- |"
    done
    echo "|$rule"
    local row
    for row in "$@"; do
        echo "| ${row//|/ | } |"
    done
}
# text_table HEADER ROWS...: the same, aligned for the terminal.
text_table() {
    printf '%s\n' "$@" | awk -F'|' '
        { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } n = NF }
        END { for (r = 1; r <= NR; r++) { line = ""; for (i = 1; i <= n; i++) {
                  f = (i == 1) ? "%-" w[i] "s" : "  %" w[i] "s"; line = line sprintf(f, cell[r, i]) }
              print line } }'
}

case_header="case|wall (median)|MB/s|conversations/s|peak RSS MB|vs ripgrep"
target_header="target|measured|goal|met"
echo
echo "$about"
echo
text_table "$case_header" "${rows[@]}"
echo
text_table "$target_header" "${targets[@]}"

readme_block=$cache/readme-block.md
{
    echo "Measured $about."
    echo
    markdown_table "$target_header" "${targets[@]}"
    echo
    markdown_table "case|wall time, convoscan / ripgrep" "${ratios[@]}"
} >"$readme_block"
{
    echo "# convoscan benchmark"
    echo
    cat "$readme_block"
    echo
    echo "All cases:"
    echo
    markdown_table "$case_header" "${rows[@]}"
} >"$cache/latest.md"
say "written: $cache/latest.md"

if $update_readme; then
    awk -v block="$readme_block" '
        /<!-- bench:start -->/ { print; while ((getline line < block) > 0) print line; skip = 1; next }
        /<!-- bench:end -->/ { skip = 0 }
        !skip' README.md >README.md.partial
    mv README.md.partial README.md
    say "README.md updated with these figures"
fi
