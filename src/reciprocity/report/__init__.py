"""Reports and the chart data they share with the web app (``report.charts``)."""
