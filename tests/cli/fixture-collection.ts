/**
 * A Postman Collection v2.1 exercising chaining, data rows, folder scripts, pm.sendRequest,
 * assertions and a data-dependent failure. `{{base}}` is the echo server's origin.
 */
export const postmanCollection = {
  info: { name: 'Echo flow', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  event: [
    {
      listen: 'prerequest',
      script: {
        exec: ["pm.collectionVariables.set('runs', String(Number(pm.collectionVariables.get('runs') || 0) + 1));"],
      },
    },
  ],
  variable: [{ key: 'runs', value: '0' }],
  item: [
    {
      name: 'Login',
      request: {
        method: 'POST',
        url: { raw: '{{base}}/echo/login' },
        header: [{ key: 'Content-Type', value: 'application/json' }],
        body: { mode: 'raw', raw: '{"user":"{{user}}"}', options: { raw: { language: 'json' } } },
      },
      event: [
        {
          listen: 'test',
          script: {
            exec: [
              'const sent = JSON.parse(pm.response.json().body.text);',
              "pm.environment.set('token', sent.user + '-token');",
              "pm.test('status 200', () => pm.response.to.have.status(200));",
              "pm.test('token as the data row expects', () => pm.expect(pm.environment.get('token')).to.equal(pm.iterationData.get('expected')));",
            ],
          },
        },
      ],
    },
    {
      name: 'Users',
      event: [
        {
          listen: 'prerequest',
          script: { exec: "pm.request.headers.add({ key: 'X-Signed', value: 'sig-' + pm.info.iteration });" },
        },
      ],
      item: [
        {
          name: 'Me',
          request: {
            method: 'GET',
            url: '{{base}}/echo/me',
            header: [{ key: 'Authorization', value: 'Bearer {{token}}' }],
          },
          event: [
            {
              listen: 'prerequest',
              script: { exec: ["pm.request.url.query.add({ key: 'iteration', value: String(pm.info.iteration) });"] },
            },
            {
              listen: 'test',
              script: {
                exec: [
                  'const h = pm.response.json().headers;',
                  "pm.test('token sent', () => pm.expect(h).to.deep.include(['Authorization', 'Bearer ' + pm.environment.get('token')]));",
                  "pm.test('signed by the pre-request script', () => pm.expect(h).to.deep.include(['X-Signed', 'sig-' + pm.info.iteration]));",
                ],
              },
            },
          ],
        },
      ],
    },
    {
      name: 'Side request',
      request: { method: 'GET', url: '{{base}}/echo/main' },
      event: [
        {
          listen: 'test',
          script: {
            exec: [
              "pm.sendRequest(pm.environment.get('base') + '/echo/side?from=script', (err, res) => {",
              "  pm.environment.set('side', res.json().target);",
              "  pm.environment.set('method', res.json().method);",
              "  console.log('side', res.json().method, res.json().target);",
              '});',
            ],
          },
        },
      ],
    },
  ],
};
