import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { SERVICES } from '../../features/registry';
import { ServiceGrid } from './service-grid';

describe('ServiceGrid', () => {
  it('says services are coming instead of showing dead tiles while the registry is empty', () => {
    const { container } = render(<ServiceGrid services={[]} />);

    expect(screen.getByText('服务即将上线')).toBeTruthy();
    expect(container.querySelector('.service-tile')).toBeNull();
  });

  it('lists only registered services, each opening its subpackage', () => {
    const { container } = render(
      <ServiceGrid
        services={[
          {
            key: 'id-photo',
            title: '证件照回执',
            description: '合规证件照与官方回执',
            icon: 'icon.png',
            path: '/id-photo/pages/index/index',
          },
        ]}
      />,
    );

    const tiles = container.querySelectorAll('.service-tile');
    expect(tiles).toHaveLength(1);
    fireEvent.click(tiles[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/id-photo/pages/index/index' });
  });

  it('registry entries point at subpackage pages', () => {
    for (const service of SERVICES) {
      expect(service.path).toMatch(/^\/[a-z-]+\/pages\/[a-z-]+\/index$/);
    }
  });
});
