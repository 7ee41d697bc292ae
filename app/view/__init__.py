"""Building what the explorer shows: graph payloads, layouts, escaped evidence HTML."""
