"""The clinic's contact as one printed line: "Your clinic: Name — phone …, address, hours: …,
web". Plain text (the sheets escape it); no Qt, no SQL."""

from __future__ import annotations

from desktop import strings
from desktop.data.records import ClinicProfile


def contact_line(profile: ClinicProfile | None, short: bool = False) -> str:
    """The line both sheets print in their disclaimer box; '' when there is no profile.
    `short`: name and phone only (a handout short of room drops the rest before its type is
    shrunk)."""
    if profile is None or not profile.name:
        return ""
    details = []
    if profile.phone:
        details.append(strings.SHEET_CLINIC_PHONE.format(phone=profile.phone))
    if profile.address and not short:
        details.append(profile.address)
    if profile.hours and not short:
        details.append(strings.SHEET_CLINIC_HOURS.format(hours=profile.hours))
    if profile.web and not short:
        details.append(profile.web)
    return strings.SHEET_CLINIC.format(name=profile.name, details=" · ".join(details))
