const params = new URLSearchParams(window.location.search);
document.getElementById('out').innerHTML = params.get('q'); // fault: xss

window.addEventListener('message', (e) => {
  document.body.innerHTML = e.data; // fault: xss
});

document.write('<a href="' + document.referrer + '">back</a>'); // fault: xss

const saved = localStorage.getItem('note');
document.querySelector('#note').innerHTML = saved; // fault: xss

const el = document.getElementById('title');
el.insertAdjacentHTML('beforeend', decodeURIComponent(location.hash.slice(1))); // fault: xss

el.textContent = params.get('q'); // safe: xss
