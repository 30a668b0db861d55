# English dates as written in Europe: 29 July 2004.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
