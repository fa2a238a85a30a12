"""The vocabulary of a school timetable: immutable pydantic values, no Qt, no solver."""

from __future__ import annotations

from scheduler.model.calendar import Calendar, Day, Slot, SlotRef
from scheduler.model.constraints import (
    RULE_KINDS,
    Availability,
    Constraint,
    ForbiddenTimes,
    MaxGapsPerDay,
    MaxPerDay,
    MaxPerWeek,
    MinDaysBetween,
    PreferredTimes,
    Target,
    Unsupported,
)
from scheduler.model.courses import Activity, Course, Pin, Subject
from scheduler.model.project import Project, Scenario
from scheduler.model.resources import Room, Teacher
from scheduler.model.school import SchoolData
from scheduler.model.solution import Enrollment, Placement, Solution
from scheduler.model.students import CourseRequest, Student, StudentGroup
from scheduler.model.validate import InvalidSchoolError, Problem, ensure_valid, find_problems

__all__ = [
    "RULE_KINDS",
    "Activity",
    "Availability",
    "Calendar",
    "Constraint",
    "Course",
    "CourseRequest",
    "Day",
    "Enrollment",
    "ForbiddenTimes",
    "InvalidSchoolError",
    "MaxGapsPerDay",
    "MaxPerDay",
    "MaxPerWeek",
    "MinDaysBetween",
    "Pin",
    "Placement",
    "PreferredTimes",
    "Problem",
    "Project",
    "Room",
    "Scenario",
    "SchoolData",
    "Slot",
    "SlotRef",
    "Solution",
    "Student",
    "StudentGroup",
    "Subject",
    "Target",
    "Teacher",
    "Unsupported",
    "ensure_valid",
    "find_problems",
]
