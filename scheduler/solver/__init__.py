"""Timetable solving with OR-Tools CP-SAT, and an independent checker that needs no solver."""
