"""Template helpers of the back office."""

from django import template

from recs.attention import needs_attention as attention_items

register = template.Library()


@register.simple_tag(takes_context=True)
def needs_attention(context):
    """The back office home's "Needs attention" items (``recs.attention``)."""
    return attention_items(context["request"])
