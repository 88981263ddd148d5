"""Forms (Flask-WTF, CSRF on every one). Fields only check shape; the services
check meaning (a known section, a free e-mail...) and their `Invalid` messages
are shown beside the form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import EqualTo, InputRequired, Length, Optional

from graphsvc.accounts import MAX_PASSWORD, MIN_PASSWORD
from graphsvc.identity import MAX_NAME

VISIBILITY_CHOICES = [
    SelectChoice("section", _l("Les membres de ma section")),
    SelectChoice("federation", _l("Les membres de ma fédération")),
    SelectChoice("members", _l("Tous les membres de Coopol")),
]
MEMBERSHIP_CHOICES = [
    SelectChoice("adherent", _l("Adhérent·e du parti")),
    SelectChoice("sympathisant", _l("Sympathisant·e")),
]
MANDATE_ROWS = 3


class LoginForm(FlaskForm):
    email = StringField(_l("Adresse e-mail"), validators=[InputRequired(), Length(max=320)],
                        render_kw={"autocomplete": "username", "type": "email"})
    password = PasswordField(_l("Mot de passe"), validators=[InputRequired(), Length(max=MAX_PASSWORD)],
                             render_kw={"autocomplete": "current-password"})
    submit = SubmitField(_l("Se connecter"))


class ConfirmForm(FlaskForm):
    """A button that only needs its CSRF token (logout, remove...)."""

    submit = SubmitField(_l("Confirmer"))


class MandateForm(Form):
    role = SelectField(_l("Rôle"), choices=[], validate_choice=False)
    place = StringField(_l("Lieu (commune, département…)"), validators=[Optional(), Length(max=120)])


class VisibilityMixin:
    visibility = RadioField(_l("Qui voit mon profil ?"), choices=VISIBILITY_CHOICES, default="section",
                            validators=[InputRequired()])
    visible_to_sympathisants = BooleanField(_l("Les sympathisant·es peuvent aussi voir mon profil"))


class PasswordMixin:
    password = PasswordField(
        _l("Mot de passe (%(n)d caractères au moins)", n=MIN_PASSWORD),
        validators=[InputRequired(), Length(min=MIN_PASSWORD, max=MAX_PASSWORD)],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Mot de passe, une seconde fois"),
        validators=[InputRequired(), EqualTo("password", message=_l("Les deux mots de passe diffèrent."))],
        render_kw={"autocomplete": "new-password"},
    )


class RegisterForm(VisibilityMixin, PasswordMixin, FlaskForm):
    section_id = HiddenField(validators=[InputRequired(message=_l("Choisissez votre section."))])
    first_name = StringField(_l("Prénom"), validators=[InputRequired(), Length(max=MAX_NAME)],
                             render_kw={"autocomplete": "given-name"})
    last_name = StringField(_l("Nom"), validators=[InputRequired(), Length(max=MAX_NAME)],
                            render_kw={"autocomplete": "family-name"})
    email = StringField(_l("Adresse e-mail"), validators=[InputRequired(), Length(max=320)],
                        render_kw={"autocomplete": "email", "type": "email"})
    membership = RadioField(_l("Je suis"), choices=MEMBERSHIP_CHOICES, validators=[InputRequired()])
    mandates = FieldList(FormField(MandateForm), min_entries=MANDATE_ROWS, max_entries=MANDATE_ROWS)
    submit = SubmitField(_l("Créer mon compte"))


class ActivationForm(VisibilityMixin, PasswordMixin, FlaskForm):
    submit = SubmitField(_l("Activer mon compte"))


class PasswordChangeForm(PasswordMixin, FlaskForm):
    current = PasswordField(_l("Mot de passe actuel"), validators=[InputRequired(), Length(max=MAX_PASSWORD)],
                            render_kw={"autocomplete": "current-password"})
    submit = SubmitField(_l("Changer mon mot de passe"))


class VisibilityForm(VisibilityMixin, FlaskForm):
    submit = SubmitField(_l("Enregistrer"))


class AddMandateForm(FlaskForm):
    role = SelectField(_l("Rôle"), choices=[], validators=[InputRequired()], validate_choice=False)
    place = StringField(_l("Lieu (commune, département…)"), validators=[Optional(), Length(max=120)])
    submit = SubmitField(_l("Ajouter ce rôle"))
