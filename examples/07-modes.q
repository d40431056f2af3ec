# Output modes: table (here), box (the terminal default), markdown, csv, tsv, json, jsonl, line.
.mode csv
articles | select id, source, date | take 2
.mode json
articles | select id, date, words | take 2
.mode markdown
articles | count by source
.mode line
articles | select id, source | take 1
.mode jsonl
articles | select id, words | take 2
.mode table
