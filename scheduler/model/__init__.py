"""The vocabulary of a school timetable: immutable pydantic values, no Qt, no solver."""

from __future__ import annotations

from scheduler.model.calendar import Calendar, Day, Slot, SlotRef
from scheduler.model.constraints import (
    RULE_KINDS,
    Availability,
    Consecutive,
    Constraint,
    EndsDay,
    ForbiddenTimes,
    IntervalMaxDays,
    MaxContinuous,
    MaxDaysPerWeek,
    MaxGapsPerDay,
    MaxGapsPerWeek,
    MaxPerDay,
    MaxPerWeek,
    MinDaysBetween,
    MinDaysPerWeek,
    MinGapsBetween,
    MinPerDay,
    NotOverlapping,
    PreferredRooms,
    PreferredTimes,
    SameStart,
    StartsEarly,
    Target,
    Unsupported,
)
from scheduler.model.courses import Activity, Course, Pin, Subject
from scheduler.model.project import Project, Scenario
from scheduler.model.resources import Room, Teacher
from scheduler.model.school import SchoolData
from scheduler.model.solution import Placement, Solution
from scheduler.model.students import CourseRequest, Student, StudentGroup
from scheduler.model.validate import InvalidSchoolError, Problem, ensure_valid, find_problems

__all__ = [
    "RULE_KINDS",
    "Activity",
    "Availability",
    "Calendar",
    "Consecutive",
    "Constraint",
    "Course",
    "CourseRequest",
    "Day",
    "EndsDay",
    "ForbiddenTimes",
    "IntervalMaxDays",
    "InvalidSchoolError",
    "MaxContinuous",
    "MaxDaysPerWeek",
    "MaxGapsPerDay",
    "MaxGapsPerWeek",
    "MaxPerDay",
    "MaxPerWeek",
    "MinDaysBetween",
    "MinDaysPerWeek",
    "MinGapsBetween",
    "MinPerDay",
    "NotOverlapping",
    "Pin",
    "Placement",
    "PreferredRooms",
    "PreferredTimes",
    "Problem",
    "Project",
    "Room",
    "SameStart",
    "Scenario",
    "SchoolData",
    "Slot",
    "SlotRef",
    "Solution",
    "StartsEarly",
    "Student",
    "StudentGroup",
    "Subject",
    "Target",
    "Teacher",
    "Unsupported",
    "ensure_valid",
    "find_problems",
]
