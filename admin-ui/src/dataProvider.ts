import simpleRestProvider from 'ra-data-simple-rest';

/** The staff API under /admin follows react-admin's simple-REST contract (sort, range, filter, Content-Range). */
export const dataProvider = simpleRestProvider('/admin');
