# Errors point at the spot and help. Each statement below is wrong on purpose.
articles | filter source == "Newsweek"
articles | where titel == "x"
articles | select id | order by id
articles | where date > "2021-08-27"
artciles | count
articles | search
articles | where source == "Newsweek
sentences | where article.sorce == "x"
articles | count | where score > 1
.mode fancy
articles | take -3
entities | where kind == "persn" | count
