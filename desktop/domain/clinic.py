"""The clinic's contact as one printed line: "Your clinic: Name — phone …, address, hours: …,
web". Plain text (the sheets escape it); no Qt, no SQL."""

from __future__ import annotations

from desktop import strings
from desktop.data.records import ClinicProfile


def contact_line(profile: ClinicProfile | None) -> str:
    """The line both sheets print in their disclaimer box; '' when there is no profile."""
    if profile is None or not profile.name:
        return ""
    details = []
    if profile.phone:
        details.append(strings.SHEET_CLINIC_PHONE.format(phone=profile.phone))
    if profile.address:
        details.append(profile.address)
    if profile.hours:
        details.append(strings.SHEET_CLINIC_HOURS.format(hours=profile.hours))
    if profile.web:
        details.append(profile.web)
    return strings.SHEET_CLINIC.format(name=profile.name, details=" · ".join(details))
