# let keeps a result under a name; the name is then a source.

let nw = articles | where source == "Newsweek"
nw | select id, title
nw | search "Lo Chih-cheng" | select id

let strait = sentences | search "Taiwan Strait"
strait | count by article.source
