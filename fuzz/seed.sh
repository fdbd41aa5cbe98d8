#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seed inputs from the repository's own
# fixtures and lexicons (the corpus directories are not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus
mkdir -p "$corpus"/{csv_reader,jsonl_reader,vendor_reader,lexicon_loader}

find fixtures -name '*.csv' -size -64k | while read -r f; do
  cp "$f" "$corpus/csv_reader/$(echo "$f" | tr / _)"
done

cat >"$corpus/jsonl_reader/readme-example.jsonl" <<'JSONL'
{"id": "c-1042", "channel": "chat", "agent": "A07", "customer": "K-5521", "topic": "delivery", "language": "nl", "started_at": "2026-11-16T09:12:00+01:00", "turns": [{"speaker": "customer", "text": "Mijn pakket is niet aangekomen.", "offset": 0}, {"speaker": "agent", "text": "Wat vervelend! Wat had u besteld?", "offset": 12.5}]}
{"id": "c-1043", "turns": [{"speaker": "klant", "text": "Hallo", "offset_ms": 0}, {"speaker": "agent", "agent": "A2", "text": "Dan gaan we naar de rechter.", "at": "2026-11-16T09:13:00Z"}]}
JSONL
printf '%s\n' '{"id": "c1", "turns": [{"speaker": "agent", "text": "x"}]}' '{"id": "c1", "turns": []}' '{"id": 3, "extra": {"a": [1, 2]}}' \
  >"$corpus/jsonl_reader/duplicates.jsonl"

# The vendor target's first byte picks the format (see
# fuzz_targets/vendor_reader.rs); 11 detects it from the content.
seed_vendor() {
  local selector=$1 file=$2
  { printf "\\$(printf '%03o' "$selector")"; cat "$file"; } \
    >"$corpus/vendor_reader/$(basename "$file")-$selector"
}
i=0
for dir in connect transcribe genesys ccai zendesk intercom twilio whisper vtt srt text; do
  for f in fixtures/formats/"$dir"/*; do
    seed_vendor "$i" "$f"
    seed_vendor 11 "$f"
  done
  i=$((i + 1))
done

for f in lexicons/*/*.toml fixtures/reports/lexicons/*/*.toml; do
  cp "$f" "$corpus/lexicon_loader/$(echo "$f" | tr / _)"
done
echo "seeded: $(find "$corpus" -type f | wc -l) files in $corpus"
