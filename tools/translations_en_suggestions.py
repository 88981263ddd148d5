"""English strings of the suggestions area (issue 4), merged by tools/translations_en.py."""

EN = {
    "dans vos contacts": "in your contacts",
    "vous étiez tous deux à : %(event)s": "you were both at: %(event)s",
}
