"""Issue 13: no per-invitation state, sealed pending answers, drafts only the rater can read.

Data: existing drafts are dropped (they were stored readable); an answered or declined invitation
becomes a spent marker (keyed with the sealing key, see core/sealing.py); pending answers are
sealed; reminder rows become one row per request and schedule point.
"""

import json
import uuid

import django.db.models.deletion
from django.db import migrations, models


def _seal(value, purpose, context):
    from peoplecraft.core import sealing

    return sealing.b64(sealing.seal(json.dumps(value, sort_keys=True).encode(), purpose, context))


def forwards(apps, schema_editor):
    from peoplecraft.core import sealing

    Invitation = apps.get_model("feedback", "Invitation")
    MomentInvitation = apps.get_model("feedback", "MomentInvitation")
    SpentMarker = apps.get_model("feedback", "SpentMarker")
    RaterResponse = apps.get_model("feedback", "RaterResponse")
    SealedResponse = apps.get_model("feedback", "SealedResponse")
    MomentResponse = apps.get_model("feedback", "MomentResponse")
    SealedMomentResponse = apps.get_model("feedback", "SealedMomentResponse")
    ReminderSent = apps.get_model("feedback", "ReminderSent")

    for pk, request_id in Invitation.objects.exclude(state="open").values_list("pk", "request_id"):
        SpentMarker.objects.create(marker=sealing.marker("spent", f"invitation:{pk}"), request_id=request_id)
    for pk, moment_id in MomentInvitation.objects.exclude(state="open").values_list("pk", "moment_id"):
        SpentMarker.objects.create(marker=sealing.marker("spent", f"moment-invitation:{pk}"), moment_id=moment_id)
    for row in RaterResponse.objects.filter(batch__isnull=True):
        answer = {
            "group": row.group,
            "ratings": row.ratings,
            "comments": row.comments,
            "received_on": row.received_on.isoformat(),
        }
        SealedResponse.objects.create(
            request_id=row.request_id,
            attributed=row.attributed,
            ciphertext=_seal(answer, "response", f"request:{row.request_id}"),
        )
    RaterResponse.objects.filter(batch__isnull=True).delete()
    for row in MomentResponse.objects.filter(batch__isnull=True):
        answer = {"rating": row.rating, "comment": row.comment, "received_on": row.received_on.isoformat()}
        SealedMomentResponse.objects.create(
            pool_id=row.pool_id, passed_on=False, ciphertext=_seal(answer, "moment-response", f"pool:{row.pool_id}")
        )
    MomentResponse.objects.filter(batch__isnull=True).delete()
    seen = set()
    for row in ReminderSent.objects.select_related("invitation"):
        key = (row.invitation.request_id, row.point)
        if key in seen:
            row.delete()
            continue
        seen.add(key)
        row.request_id = row.invitation.request_id
        row.save(update_fields=["request"])


class Migration(migrations.Migration):
    dependencies = [("feedback", "0002_moments")]

    operations = [
        migrations.AddField(
            model_name="feedbackrequest",
            name="delivery",
            field=models.CharField(
                choices=[("email", "Peoplecraft e-mails each rater"), ("pass_on", "I pass the links on myself")],
                default="email",
                max_length=8,
            ),
        ),
        migrations.CreateModel(
            name="SpentMarker",
            fields=[
                ("marker", models.CharField(max_length=64, primary_key=True, serialize=False)),
                (
                    "request",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="feedback.feedbackrequest",
                    ),
                ),
                (
                    "moment",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="feedback.momentrequest",
                    ),
                ),
            ],
            options={"ordering": ["marker"]},
        ),
        migrations.CreateModel(
            name="Draft",
            fields=[
                ("locator", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("ciphertext", models.TextField()),
                (
                    "request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="feedback.feedbackrequest"
                    ),
                ),
            ],
            options={"ordering": ["locator"]},
        ),
        migrations.CreateModel(
            name="SealedResponse",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("attributed", models.BooleanField(default=False)),
                ("ciphertext", models.TextField()),
                (
                    "request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="feedback.feedbackrequest"
                    ),
                ),
            ],
            options={"ordering": ["id"]},
        ),
        migrations.CreateModel(
            name="SealedMomentResponse",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("passed_on", models.BooleanField(default=False)),
                ("ciphertext", models.TextField()),
                (
                    "pool",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="feedback.momentpool"
                    ),
                ),
            ],
            options={"ordering": ["id"]},
        ),
        migrations.RemoveConstraint(model_name="remindersent", name="one_reminder_per_point"),
        migrations.AddField(
            model_name="remindersent",
            name="request",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="feedback.feedbackrequest"
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveField(model_name="remindersent", name="invitation"),
        migrations.AlterField(
            model_name="remindersent",
            name="request",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="feedback.feedbackrequest"
            ),
        ),
        migrations.AddConstraint(
            model_name="remindersent",
            constraint=models.UniqueConstraint(fields=("request", "point"), name="one_reminder_round_per_point"),
        ),
        migrations.RemoveField(model_name="invitation", name="state"),
        migrations.RemoveField(model_name="invitation", name="draft"),
        migrations.RemoveField(model_name="momentinvitation", name="state"),
        migrations.AlterField(model_name="raterresponse", name="batch", field=models.PositiveIntegerField()),
        migrations.AlterField(model_name="momentresponse", name="batch", field=models.PositiveIntegerField()),
    ]
