// expect: none
// Reducers: the Redux store (or useReducer) calls them with the state and the dispatched action.
import { ADD_TODO, REMOVE_TODO } from './types';

const initialState = [];

function todosReducer(state = initialState, action) {
  switch (action.type) {
    case ADD_TODO:
      return [...state, action.payload];
    case REMOVE_TODO:
      return state.filter((todo) => todo.id !== action.payload);
    default:
      return state;
  }
}

export const filterReducer = (filter = 'all', action) => (action.type === 'SET_FILTER' ? action.payload : filter);

export function pageState(state, action) {
  return action.type === 'NEXT' ? state + 1 : state;
}

export default todosReducer;
