// The plan review's research survey page (templates/research-survey.html): asks /api/research-surveys/{token} which
// service elements to weigh, and sends the answer there. A file of its own, because the page policy allows no inline
// script.
const token = location.pathname.split('/').pop();
const api = '/api/research-surveys/' + token;
const form = document.getElementById('research');
const message = document.getElementById('message');
let elements = [];

fetch(api).then(r => r.ok ? r.json() : Promise.reject(r)).then(survey => {
  elements = survey.serviceElements;
  const container = document.getElementById('elements');
  elements.forEach((element, i) => {
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'ratings';
    const legend = document.createElement('legend');
    legend.textContent = element;
    fieldset.appendChild(legend);
    for (let value = 1; value <= 5; value++) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'importance' + i;
      input.value = String(value);
      input.required = value === 1;
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + value));
      fieldset.appendChild(label);
    }
    container.appendChild(fieldset);
  });
}).catch(() => {
  message.className = 'error';
  message.textContent = 'This survey is closed or could not be found.';
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const importance = {};
  elements.forEach((element, i) => {
    const checked = form.querySelector('input[name="importance' + i + '"]:checked');
    if (checked) {
      importance[element] = Number(checked.value);
    }
  });
  const body = {
    expectations: form.expectations.value || null,
    unmetNeeds: form.unmetNeeds.value || null,
    competitors: form.competitors.value || null,
    importance
  };
  const response = await fetch(api, {
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
