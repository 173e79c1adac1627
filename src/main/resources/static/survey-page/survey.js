// The customer survey page (templates/survey.html): sends the answer to /api/surveys/{token}. A file of its own,
// because the page policy allows no inline script.
document.getElementById('survey').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const message = document.getElementById('message');
  const body = { rating: Number(form.rating.value), comment: form.comment.value || null, resolved: !form.unresolved.checked };
  const response = await fetch('/api/surveys/' + location.pathname.split('/').pop(), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
  });
  if (response.ok) {
    form.innerHTML = '<p>Thank you for your answer.</p>';
  } else {
    const problem = await response.json().catch(() => ({}));
    message.className = 'error';
    message.textContent = problem.detail || 'Your answer could not be recorded.';
  }
});
