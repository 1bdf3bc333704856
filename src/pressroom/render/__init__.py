"""Render: composed content to files. Templates (Jinja2), the email (MJML, premailer,
plain text, .eml), the post exports and the digest's checks; ``week.render_week`` makes
a composed week's whole folder in memory."""
