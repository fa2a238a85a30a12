"""The steps of a solve: timetable (times and rooms), then sectioning (students into sections)."""
