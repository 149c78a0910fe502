from django.urls import path

from peoplecraft.goals import views

app_name = "goals"
urlpatterns = [
    path("", views.home, name="home"),
    path("new/", views.create, name="create"),
    path("<int:goal_id>/", views.detail, name="goal"),
    path("<int:goal_id>/edit/", views.edit, name="edit"),
    path("<int:goal_id>/checkin/", views.checkin, name="checkin"),
    path("<int:goal_id>/status/", views.set_status, name="status"),
    path("<int:goal_id>/actions/", views.action_add, name="action_add"),
    path("<int:goal_id>/milestones/", views.milestone_add, name="milestone_add"),
    path("actions/<int:action_id>/done/", views.action_done, name="action_done"),
    path("milestones/<int:milestone_id>/done/", views.milestone_done, name="milestone_done"),
    path("board/", views.board, name="board"),
    path("board/move/", views.move, name="move"),
    path("calendar.ics", views.calendar, name="calendar"),
    path("review/", views.weekly_review, name="review"),
    path("review/mood.svg", views.review_chart, name="review_chart"),
]
