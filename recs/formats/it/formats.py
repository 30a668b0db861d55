# Italian dates without a leading zero and with the month in lowercase: 1 marzo 2007
# (the lowercase names come from the project catalogue: recs/formats/month_names.py).
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
