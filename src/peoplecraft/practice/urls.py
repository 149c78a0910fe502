from django.urls import path

from peoplecraft.practice import views, views_calendar, views_review

app_name = "practice"
urlpatterns = [
    path("", views.today, name="today"),
    path("log/", views.log, name="log"),
    path("log/<int:entry_id>/delete/", views.entry_delete, name="entry-delete"),
    path("cards/", views.cards, name="cards"),
    path("cards/review/", views_review.review, name="review"),
    path("cards/review/grade/", views_review.review_grade, name="review-grade"),
    path("cards/review/undo/", views_review.review_undo, name="review-undo"),
    path("calendar/", views_calendar.habit_calendar, name="calendar"),
    path("reminders/", views_calendar.reminders, name="reminders"),
    path("cards/<slug:card_id>/grade/", views.grade, name="grade"),
    path("plan/", views.plan, name="plan"),
    path("plan/focus/", views.focus, name="focus"),
    path("plan.ics", views.plan_ics, name="plan-ics"),
    path("plan/<str:day>/<int:skill_id>/done/", views.session_tick, name="session-tick"),
    path("exercises/", views.exercises, name="exercises"),
    path("exercises/<slug:exercise_id>/", views.exercise_detail, name="exercise"),
    path("skill/<int:skill_id>/strength.svg", views.strength_chart, name="strength-chart"),
]
