"""Qt Designer sources, compiled into src/reportdesk/ui/forms by tools/build_forms.py."""
