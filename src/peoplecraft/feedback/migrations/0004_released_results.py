"""Issue 12: released results are stored once, at release, as immutable rows; pages read them.

Data: the figures of every release made before are computed once from the released answers
(the same pure aggregation pages ran on every read until now) and stored.
"""

import django.db.models.deletion
from django.db import migrations, models


def build_snapshots(apps, schema_editor):
    """Store the figures of every release made before this migration, computed once from the
    released answers exactly as pages computed them on each read until now."""
    from peoplecraft.assessment.catalogue import instrument_get
    from peoplecraft.assessment.questionnaire import questionnaire_items
    from peoplecraft.feedback import aggregation, released

    FeedbackRequest = apps.get_model("feedback", "FeedbackRequest")
    Release = apps.get_model("feedback", "Release")
    RaterResponse = apps.get_model("feedback", "RaterResponse")
    MomentPool = apps.get_model("feedback", "MomentPool")
    MomentRelease = apps.get_model("feedback", "MomentRelease")
    MomentResponse = apps.get_model("feedback", "MomentResponse")
    models = {name: apps.get_model("feedback", name) for name in ("ReleasedResult", "ReleasedScore", "ReleasedComment")}

    for feedback_request in FeedbackRequest.objects.filter(releases__isnull=False).distinct().order_by("pk"):
        skills = feedback_request.skills.order_by("area__position", "position", "pk")
        instrument = instrument_get(feedback_request.instrument_id)
        by_id = {item.id: item for item in questionnaire_items(instrument, [s.name for s in skills])}
        specs = [
            aggregation.ItemSpec(item.id, item.skill, item.key, item.scale.min, item.scale.max)
            for item in (by_id[i] for i in feedback_request.item_ids if i in by_id)
        ]
        releases = list(Release.objects.filter(request=feedback_request).order_by("number"))
        rows = RaterResponse.objects.filter(request=feedback_request, batch__isnull=False).values_list(
            "id", "group", "attributed", "batch", "ratings", "comments"
        )
        answers = [aggregation.RaterAnswers(str(key), g, a, b, r, c) for key, g, a, b, r, c in rows]
        points = [aggregation.ReleasePoint(r.number, r.thresholds) for r in releases]
        for release, snapshot in zip(releases, aggregation.snapshots(answers, points, specs), strict=True):
            _store(models, released, snapshot, release=release)

    for pool in MomentPool.objects.filter(releases__isnull=False).distinct().select_related("skill").order_by("pk"):
        spec = aggregation.ItemSpec("moment", pool.skill.name, 1, 1, 5)
        releases = list(MomentRelease.objects.filter(pool=pool).order_by("number"))
        rows = MomentResponse.objects.filter(pool=pool, batch__isnull=False).values_list(
            "id", "batch", "rating", "comment"
        )
        answers = [
            aggregation.RaterAnswers(str(key), "other", False, batch, {"moment": rating}, {"comment": comment})
            for key, batch, rating, comment in rows
        ]
        points = [aggregation.ReleasePoint(r.number, r.thresholds) for r in releases]
        history = aggregation.snapshots(answers, points, [spec], questions=("comment",))
        for release, snapshot in zip(releases, history, strict=True):
            _store(models, released, snapshot, moment_release=release)


def _store(models, released, snapshot, **release):
    result = models["ReleasedResult"].objects.create(responses=snapshot.responses, **release)
    scores, comments = released.rows_from(snapshot)
    models["ReleasedScore"].objects.bulk_create(
        models["ReleasedScore"](
            result=result,
            position=row.position,
            skill=row.skill,
            item=row.item,
            label=row.label,
            attributed=row.attributed,
            n=row.n,
            mean=row.mean,
            percent=row.percent,
            distribution=list(row.distribution),
        )
        for row in scores
    )
    models["ReleasedComment"].objects.bulk_create(
        models["ReleasedComment"](
            result=result,
            position=row.position,
            question=row.question,
            label=row.label,
            attributed=row.attributed,
            texts=list(row.texts),
        )
        for row in comments
    )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0003_unlinkable_storage"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReleasedResult",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("responses", models.PositiveIntegerField()),
                (
                    "moment_release",
                    models.OneToOneField(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="result",
                        to="feedback.momentrelease",
                    ),
                ),
                (
                    "release",
                    models.OneToOneField(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="result",
                        to="feedback.release",
                    ),
                ),
            ],
            options={
                "ordering": ["pk"],
            },
        ),
        migrations.CreateModel(
            name="ReleasedComment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.PositiveIntegerField()),
                ("question", models.CharField(max_length=16)),
                ("label", models.CharField(max_length=16)),
                ("attributed", models.BooleanField(default=False)),
                ("texts", models.JSONField()),
                (
                    "result",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="comments",
                        to="feedback.releasedresult",
                    ),
                ),
            ],
            options={
                "ordering": ["result", "position"],
            },
        ),
        migrations.CreateModel(
            name="ReleasedScore",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.PositiveIntegerField()),
                ("skill", models.CharField(max_length=200)),
                ("item", models.CharField(max_length=100)),
                ("label", models.CharField(max_length=16)),
                ("attributed", models.BooleanField(default=False)),
                ("n", models.PositiveIntegerField()),
                ("mean", models.FloatField()),
                ("percent", models.FloatField()),
                ("distribution", models.JSONField()),
                (
                    "result",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="scores", to="feedback.releasedresult"
                    ),
                ),
            ],
            options={
                "ordering": ["result", "position"],
            },
        ),
        migrations.AddConstraint(
            model_name="releasedresult",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("moment_release__isnull", True), ("release__isnull", False)),
                    models.Q(("moment_release__isnull", False), ("release__isnull", True)),
                    _connector="OR",
                ),
                name="released_result_of_one_release",
            ),
        ),
        migrations.AddConstraint(
            model_name="releasedcomment",
            constraint=models.UniqueConstraint(fields=("result", "position"), name="one_released_comment_position"),
        ),
        migrations.AddConstraint(
            model_name="releasedscore",
            constraint=models.UniqueConstraint(fields=("result", "position"), name="one_released_score_position"),
        ),
        migrations.RunPython(build_snapshots, migrations.RunPython.noop),
    ]
