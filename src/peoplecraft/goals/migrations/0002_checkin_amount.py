"""Check-ins move from "percent of the target" to an amount in the goal's own unit.

An old check-in of p % on a goal with target t becomes the amount p * t / 100 (a float, so
nothing is rounded away); going back divides by the target again.
"""

from django.db import migrations, models


def percent_to_amount(apps, schema_editor):
    CheckIn = apps.get_model("goals", "CheckIn")
    for checkin in CheckIn.objects.select_related("goal").iterator():
        checkin.amount = checkin.progress * checkin.goal.target / 100
        checkin.save(update_fields=["amount"])


def amount_to_percent(apps, schema_editor):
    CheckIn = apps.get_model("goals", "CheckIn")
    for checkin in CheckIn.objects.select_related("goal").iterator():
        checkin.progress = min(100, round(100 * checkin.amount / checkin.goal.target))
        checkin.save(update_fields=["progress"])


class Migration(migrations.Migration):
    dependencies = [("goals", "0001_initial")]

    operations = [
        migrations.AddField(model_name="checkin", name="amount", field=models.FloatField(default=0.0)),
        migrations.AlterField(model_name="checkin", name="progress", field=models.PositiveSmallIntegerField(default=0)),
        migrations.RunPython(percent_to_amount, amount_to_percent),
        migrations.RemoveConstraint(model_name="checkin", name="checkin_progress_0_100"),
        migrations.RemoveField(model_name="checkin", name="progress"),
        migrations.AlterField(model_name="checkin", name="amount", field=models.FloatField()),
        migrations.AddConstraint(
            model_name="checkin",
            constraint=models.CheckConstraint(condition=models.Q(amount__gte=0), name="checkin_amount_not_negative"),
        ),
    ]
