"""How much slower a longer text may be: the anonymiser's time tests."""

#: Four times the text may take at most this many times as long: linear time
#: gives about 4, quadratic about 16.
GROWTH = 8
