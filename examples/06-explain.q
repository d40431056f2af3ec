# explain shows the optimized plan: the search becomes an index lookup, the
# metadata filter becomes a candidate set below it, sort + take becomes top-k.
explain articles | search china | where source == "Newsweek" | sort by score desc | take 2

# explain verbose shows the plan after each optimizer rule.
explain verbose articles | where words > 100 | where source != "Newsweek" | search taiwan
