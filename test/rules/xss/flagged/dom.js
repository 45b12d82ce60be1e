const params = new URLSearchParams(window.location.search);
const greeting = document.getElementById('greeting');
greeting.innerHTML = 'Welcome back, ' + params.get('user'); // expect: xss:41

const tab = location.hash.slice(1);
document.querySelector('#tab').innerHTML = `<h2>${decodeURIComponent(tab)}</h2>`; // expect: xss:51

document.getElementById('preview-btn').addEventListener('click', () => {
  const input = document.getElementById('comment');
  document.getElementById('preview').innerHTML = input.value; // expect: xss:50
  document.getElementById('list').insertAdjacentHTML('beforeend', `<li>${input.value}</li>`); // expect: xss:74
});

document.write('<a href="' + document.referrer + '">Back</a>'); // expect: xss:30
