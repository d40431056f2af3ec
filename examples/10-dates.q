# Dates in conditions: a day, with or without @; a whole month or year;
# between; arithmetic in days.
articles | select id, date | sort by date
articles | where date >= 2021-08-25 | count
articles | where date == @2021-08 | count
articles | where date < @2021 | count
articles | where date between @2021-08-20 and @2021-08-28 | select id, date | sort by date
articles | where date - 7 >= @2021-08-20 | select id, date, date - 7 | sort by date
articles | select id, date - @2021-08-01 | sort by id
# Timeline buckets keep the year: month(date) is 2021-08, week(date) the ISO week.
articles | count by month(date)
articles | count by week(date)
# A timeline's bucket is chosen by the span of its dates (here days), or named with by.
articles | count by date | chart
articles | count by date | chart by week
sentences | search talks | count by article.date | chart n by month
