import { act, render, screen } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import type { Problem } from '../api/problem';
import i18n, { DEFAULT_LANGUAGE, setLanguage } from '../i18n';
import { applyFieldErrors, fieldMessages } from './fieldErrors';

function renderForm() {
  let captured: FormInstance | undefined;
  function Harness() {
    const [form] = Form.useForm();
    captured = form;
    return (
      <Form form={form} name="account">
        <Form.Item name="userName" label="User name">
          <Input />
        </Form.Item>
        <Form.Item name="password" label="Password">
          <Input.Password />
        </Form.Item>
      </Form>
    );
  }
  render(<Harness />);
  return captured!;
}

const problem: Problem = {
  status: 400,
  code: 'validation.failed',
  title: 'One or more fields are invalid.',
  traceId: 't',
  errors: {
    userName: ['A user name is 3 to 50 characters.'],
    password: ['Too weak.'],
    email: ['Not an email address.'],
  },
};

describe('applyFieldErrors', () => {
  it('shows each field error on its Form.Item and marks the input invalid', async () => {
    const form = renderForm();
    await act(async () => {
      applyFieldErrors(form, problem, i18n);
    });
    expect(await screen.findByText('A user name is 3 to 50 characters.')).toBeInTheDocument();
    expect(screen.getByText('Too weak.')).toBeInTheDocument();
    expect(screen.getByLabelText('User name')).toHaveAttribute('aria-invalid', 'true');
    expect(form.getFieldError('userName')).toEqual(['A user name is 3 to 50 characters.']);
  });

  it('returns the messages of fields the form does not have', async () => {
    const form = renderForm();
    let unclaimed: string[] = [];
    await act(async () => {
      unclaimed = applyFieldErrors(form, problem, i18n);
    });
    expect(unclaimed).toEqual(['Not an email address.']);
  });

  it('changes nothing for a problem without field errors', async () => {
    const form = renderForm();
    let unclaimed: string[] = [];
    await act(async () => {
      unclaimed = applyFieldErrors(form, { status: 409, code: 'account.role_conflict', title: 'Conflict' }, i18n);
    });
    expect(unclaimed).toEqual([]);
    expect(form.getFieldsError().every(({ errors }) => errors.length === 0)).toBe(true);
  });
});

describe('fieldMessages', () => {
  afterEach(async () => {
    await setLanguage(DEFAULT_LANGUAGE);
  });

  const coded: Problem = {
    status: 400,
    code: 'validation.failed',
    title: 'One or more fields are invalid.',
    errors: { userName: ["'User Name' must not be empty."], password: ['Custom rule.'] },
    fieldErrors: [
      { field: 'userName', code: 'required', message: "'User Name' must not be empty." },
      { field: 'password', code: 'password.too_weak', message: 'Too weak.' },
      { field: 'password', code: 'some.new_rule', message: 'Custom rule.' },
      { field: 'roles', code: 'account.role_conflict', message: 'One account may not hold both A and B.' },
    ],
  };

  it('translates field errors by field or rule code and keeps the server message for unknown codes', async () => {
    expect(fieldMessages(coded, i18n)).toEqual({
      userName: ['此项为必填。'],
      password: ['密码强度不够：需 8 至 128 个字符，至少包含小写字母、大写字母、数字、符号中的 3 类。', 'Custom rule.'],
      roles: ['所选角色不能由同一账号同时担任。'],
    });
    await setLanguage('en');
    expect(fieldMessages(coded, i18n).userName).toEqual(['This field is required.']);
  });

  it('uses the plain messages when there are no coded field errors', () => {
    expect(fieldMessages({ ...coded, fieldErrors: undefined }, i18n)).toEqual(coded.errors);
  });
});

describe('applyFieldErrors on rows of a list', () => {
  it("shows an error the API names `months[1].amount` on the second row's amount", async () => {
    let captured: FormInstance | undefined;
    function Harness() {
      const [form] = Form.useForm();
      captured = form;
      return (
        <Form form={form} name="months" initialValues={{ months: [{ amount: '1' }, { amount: '2' }] }}>
          <Form.List name="months">
            {(rows) =>
              rows.map((row) => (
                <Form.Item key={row.key} name={[row.name, 'amount']} label={`Amount ${row.name + 1}`}>
                  <Input />
                </Form.Item>
              ))
            }
          </Form.List>
        </Form>
      );
    }
    render(<Harness />);
    let unclaimed: string[] = [];
    await act(async () => {
      unclaimed = applyFieldErrors(
        captured!,
        {
          status: 422,
          code: 'link.month_future',
          title: 'Rule broken',
          errors: { 'months[1].amount': ['Too much.'], months: ['Each month appears once.'] },
        },
        i18n,
      );
    });
    expect(await screen.findByText('Too much.')).toBeInTheDocument();
    expect(screen.getByLabelText('Amount 2')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Amount 1')).not.toHaveAttribute('aria-invalid', 'true');
    expect(unclaimed).toEqual(['Each month appears once.']);
  });
});
